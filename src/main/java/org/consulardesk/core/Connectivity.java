package org.consulardesk.core;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * Whether this workstation has any network link up. It never contacts a server: posts often work
 * offline and some must not make outside connections at all. Offline is normal, not an error.
 */
public final class Connectivity {
    private Connectivity() {
    }

    public static boolean networkAvailable() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback() && !nic.isVirtual() && nic.getInetAddresses().hasMoreElements()
                        && !nic.getName().startsWith("docker") && !nic.getName().startsWith("veth")) {
                    return true;
                }
            }
        } catch (SocketException e) {
            return false;
        }
        return false;
    }
}
