package org.consulardesk.exchange.model;

import java.time.Instant;
import java.util.List;

/** What a workbook's signed description sheet says about it. */
public record WorkbookInfo(int schemaVersion, String post, String country, String registryId, String profile,
                           String profileTitle, Instant createdAt, String createdBy, String filters, boolean hxl,
                           List<SheetInfo> sheets, String fingerprint, byte[] publicKey, boolean encrypted) {
    public WorkbookInfo {
        sheets = List.copyOf(sheets);
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public long totalRows() {
        return sheets.stream().mapToLong(SheetInfo::rows).sum();
    }
}
