package org.consulardesk.etd.model;

/**
 * The post's ETD settings, changed by the head of post. {@code singleApproval} lets one officer
 * approve their own application during a surge (four-eyes otherwise).
 */
public record EtdSettings(String documentCode, String issuer, int defaultValidDays, String defaultRoute,
        boolean waiveFeeByDefault, String defaultWaiverReason, boolean singleApproval) {
    public static final EtdSettings DEFAULTS = new EtdSettings("PE", "UTO", 30, "Single journey to Utopia", true,
            "Crisis: fees waived", false);
}
