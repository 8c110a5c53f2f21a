package org.consulardesk.etd.service;

import java.math.BigDecimal;
import org.consulardesk.core.UserError;
import org.consulardesk.etd.model.EtdApplication;

/** Checks an application before it is saved; the names must be writable in the MRZ. */
final class EtdRules {
    private EtdRules() {
    }

    static EtdApplication check(EtdApplication a) {
        if (blank(a.familyName())) {
            throw new UserError("error.etd.familyNameRequired");
        }
        Transliteration.name(a.familyName());
        Transliteration.name(a.givenNames());
        MrzCodec.birthDate(a.birthDate());
        if (a.nationality() == null || !a.nationality().matches("[A-Z]{3}")) {
            throw new UserError("error.etd.nationality");
        }
        if (blank(a.route())) {
            throw new UserError("error.etd.routeRequired");
        }
        if (a.validDays() < 1 || a.validDays() > 365) {
            throw new UserError("error.etd.validity", 1, 365);
        }
        if (a.feeWaived()) {
            if (blank(a.waiverReason())) {
                throw new UserError("error.etd.waiverReason");
            }
        } else if (a.feeAmount() == null || a.feeAmount().compareTo(BigDecimal.ZERO) <= 0 || a.feeCurrency() == null
                || !a.feeCurrency().matches("[A-Z]{3}")) {
            throw new UserError("error.etd.fee");
        }
        return a;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
