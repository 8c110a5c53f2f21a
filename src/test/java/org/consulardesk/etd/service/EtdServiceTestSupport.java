package org.consulardesk.etd.service;

/** Synthetic test data of the ETD service tests, for the screen tests. */
public final class EtdServiceTestSupport {
    private EtdServiceTestSupport() {
    }

    /** A synthetic 600 x 800 PNG "portrait" (a grey background and a brown oval; no real face). */
    public static byte[] portrait() {
        return EtdServiceTest.portrait();
    }
}
