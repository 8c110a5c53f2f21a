package org.consulardesk.map.service;

import java.util.Arrays;

/**
 * Douglas-Peucker simplification of a polyline or ring stored as {@code x0, y0, x1, y1, ...} floats:
 * keeps the points without which the line would move by more than a tolerance, in the line's own units.
 * Every dropped point lies within the tolerance of the simplified line, and the end points stay.
 * A ring (first point equal to the last, or not) is split at the point farthest from its first point,
 * so it keeps at least three points and does not collapse into a segment through its start.
 * Iterative (an explicit stack), so a coastline of tens of thousands of points costs no deep recursion,
 * and run on stretches of at most {@link #STRETCH} points (their ends are kept): plain Douglas-Peucker
 * takes time quadratic in the points when the farthest point keeps falling near one end, which a
 * long wiggly coastline does.
 */
final class LineSimplifier {
    static final int STRETCH = 256;

    private LineSimplifier() {
    }

    /** The simplified points; the same array when nothing could be dropped. */
    static float[] simplify(float[] xy, double tolerance, boolean ring) {
        int n = xy.length / 2;
        if (n <= 2 || tolerance <= 0) {
            return xy;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        if (ring) {
            int far = 0;
            double best = -1;
            for (int i = 1; i < n - 1; i++) {
                double dx = xy[2 * i] - xy[0];
                double dy = xy[2 * i + 1] - xy[1];
                double d = dx * dx + dy * dy;
                if (d > best) {
                    best = d;
                    far = i;
                }
            }
            if (far > 0) {
                keep[far] = true;
                stretches(xy, 0, far, tolerance, keep);
                stretches(xy, far, n - 1, tolerance, keep);
            }
        } else {
            stretches(xy, 0, n - 1, tolerance, keep);
        }
        int kept = 0;
        for (boolean k : keep) {
            if (k) {
                kept++;
            }
        }
        if (kept == n) {
            return xy;
        }
        float[] out = new float[kept * 2];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[j++] = xy[2 * i];
                out[j++] = xy[2 * i + 1];
            }
        }
        return out;
    }

    private static void stretches(float[] xy, int first, int last, double tolerance, boolean[] keep) {
        for (int from = first; from < last; from += STRETCH) {
            int to = Math.min(last, from + STRETCH);
            keep[to] = true;
            mark(xy, from, to, tolerance, keep);
        }
    }

    private static void mark(float[] xy, int first, int last, double tolerance, boolean[] keep) {
        double tol2 = tolerance * tolerance;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            if (b - a < 2) {
                continue;
            }
            int far = -1;
            double best = tol2;
            for (int i = a + 1; i < b; i++) {
                double d = distance2(xy, i, a, b);
                if (d > best) {
                    best = d;
                    far = i;
                }
            }
            if (far < 0) {
                continue;
            }
            keep[far] = true;
            if (top + 4 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = a;
            stack[top++] = far;
            stack[top++] = far;
            stack[top++] = b;
        }
    }

    /** Squared distance from point {@code p} to the segment from point {@code a} to point {@code b}. */
    static double distance2(float[] xy, int p, int a, int b) {
        double ax = xy[2 * a];
        double ay = xy[2 * a + 1];
        double dx = xy[2 * b] - ax;
        double dy = xy[2 * b + 1] - ay;
        double px = xy[2 * p] - ax;
        double py = xy[2 * p + 1] - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        double ex = px - t * dx;
        double ey = py - t * dy;
        return ex * ex + ey * ey;
    }
}
