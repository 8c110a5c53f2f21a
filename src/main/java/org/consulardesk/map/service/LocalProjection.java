package org.consulardesk.map.service;

import java.util.Collection;
import org.consulardesk.map.model.LatLon;

/**
 * Azimuthal equidistant projection on a sphere of the WGS 84 mean radius, centred on an area: the
 * distance and direction from the centre are true, so buffers in metres are plain planar buffers,
 * the antimeridian is no seam and a pole is an ordinary point. Good for areas up to a few thousand
 * kilometres across (ADR 0031).
 */
public final class LocalProjection {
    public static final double MEAN_RADIUS_M = 6_371_008.8;
    private final double lat0;
    private final double lon0;
    private final double sinLat0;
    private final double cosLat0;

    public LocalProjection(LatLon centre) {
        this.lat0 = Math.toRadians(centre.lat());
        this.lon0 = Math.toRadians(centre.lon());
        this.sinLat0 = Math.sin(lat0);
        this.cosLat0 = Math.cos(lat0);
    }

    /** Centre of points by the mean of their unit vectors: right across the antimeridian and around a pole. */
    public static LatLon centreOf(Collection<LatLon> points) {
        double x = 0;
        double y = 0;
        double z = 0;
        for (LatLon p : points) {
            double la = Math.toRadians(p.lat());
            double lo = Math.toRadians(p.lon());
            x += Math.cos(la) * Math.cos(lo);
            y += Math.cos(la) * Math.sin(lo);
            z += Math.sin(la);
        }
        double h = Math.hypot(x, y);
        if (h < 1e-12 && Math.abs(z) < 1e-12) {
            throw new IllegalArgumentException("points have no centre");
        }
        return new LatLon(Math.toDegrees(Math.atan2(z, h)), h < 1e-12 ? 0 : Math.toDegrees(Math.atan2(y, x)));
    }

    /** Metres east (x) and north (y) of the centre along the great circle. */
    public double[] forward(double latDeg, double lonDeg) {
        double lat = Math.toRadians(latDeg);
        double dLon = Math.toRadians(lonDeg) - lon0;
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double cosC = sinLat0 * sinLat + cosLat0 * cosLat * Math.cos(dLon);
        cosC = Math.max(-1, Math.min(1, cosC));
        double c = Math.acos(cosC);
        double k = c < 1e-12 ? 1 : c / Math.sin(c);
        double x = k * cosLat * Math.sin(dLon);
        double y = k * (cosLat0 * sinLat - sinLat0 * cosLat * Math.cos(dLon));
        return new double[] {x * MEAN_RADIUS_M, y * MEAN_RADIUS_M};
    }

    public LatLon inverse(double xM, double yM) {
        double x = xM / MEAN_RADIUS_M;
        double y = yM / MEAN_RADIUS_M;
        double c = Math.hypot(x, y);
        if (c < 1e-15) {
            return new LatLon(Math.toDegrees(lat0), Math.toDegrees(lon0));
        }
        double sinC = Math.sin(c);
        double cosC = Math.cos(c);
        double lat = Math.asin(Math.max(-1, Math.min(1, cosC * sinLat0 + y * sinC * cosLat0 / c)));
        double lon = lon0 + Math.atan2(x * sinC, c * cosLat0 * cosC - y * sinLat0 * sinC);
        double lonDeg = Math.toDegrees(lon);
        lonDeg = ((lonDeg + 540) % 360) - 180;
        return new LatLon(Math.toDegrees(lat), lonDeg);
    }
}
