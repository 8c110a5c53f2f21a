package org.consulardesk.exchange.service;

import java.util.List;
import org.consulardesk.security.model.Permission;

/**
 * One kind of workbook a post can export. To add one: extend {@link BaseExportProfile} (name, title
 * key, permission and personal data in its constructor call) in your feature's {@code service}
 * package, write {@link #sheets} reading through your own services, and add one line to
 * {@link ExportProfiles#ALL}. The workbook writer does the rest: description sheet, typed cells,
 * header, HXL row, sheet splitting, integrity block and signature, encryption, atomic file.
 */
public interface ExportProfile {

    /** Stable name used on the command line and in the workbook, e.g. {@code registry-aggregate}. */
    String name();

    /** Bundle key of the title shown on screens and in the description sheet. */
    String titleKey();

    /** The permission a user needs to export this profile (checked by {@link ExportService}). */
    Permission requiredPermission();

    /** True if rows name or identify people: the workbook is then always password-encrypted. */
    boolean personalData();

    /** The filters this profile understands (names for {@code context.filter(name)}), for screens and help. */
    default List<String> filterNames() {
        return List.of();
    }

    /** The data sheets in order, each with its columns and a row source that streams. */
    List<ExportSheet> sheets(ExportContext context);
}
