#!/usr/bin/env python3
"""Open an (optionally password-encrypted) workbook in headless LibreOffice and store it as PDF and flat ODS.

Usage: /usr/bin/python3 tools/libreoffice/open-workbook.py IN.xlsx OUT_PREFIX [PASSWORD_FILE]
Starts soffice itself on a private pipe; needs Debian packages libreoffice-calc-nogui and python3-uno.
Manual check only (see docs/architecture.md, "Checked in LibreOffice"); never part of the build or the tests.
"""
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

src, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
password = open(sys.argv[3], encoding="utf-8").read().strip() if len(sys.argv) > 3 else None
pipe = "consulardesk_lo_%d" % os.getpid()
profile = "file:///tmp/consulardesk-lo-profile-%d" % os.getpid()
office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "-env:UserInstallation=" + profile,
                           "--accept=pipe,name=%s;urp;" % pipe])
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(120):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    args = [prop("Hidden", True)]
    if password:
        args.append(prop("Password", password))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, tuple(args))
    if doc is None:
        print("NOT OPENED (wrong or missing password?)"); sys.exit(2)
    sheets = doc.Sheets
    for i in range(sheets.Count):
        s = sheets.getByIndex(i)
        cur = s.createCursor(); cur.gotoEndOfUsedArea(False)
        print("sheet %r: %d rows x %d columns" % (s.Name, cur.RangeAddress.EndRow + 1, cur.RangeAddress.EndColumn + 1))
    ctrl = doc.CurrentController
    for i in range(sheets.Count):
        s = sheets.getByIndex(i); ctrl.setActiveSheet(s)
        print("  %s: frozen=%s split row=%d col=%d" % (s.Name, ctrl.hasFrozenPanes(), ctrl.SplitRow, ctrl.SplitColumn))
    for i in range(sheets.Count):
        s = sheets.getByIndex(i)
        if i > 0:
            for c in range(min(40, s.Columns.Count)):
                h = s.getCellByPosition(c, 0).String
                if not h: break
                x = s.getCellByPosition(c, 2)
                print("    %-24s %-8s %-24r fmt=%s width=%.1fcm" % (h, x.Type.value, x.String, doc.NumberFormats.getByKey(x.NumberFormat).FormatString, s.Columns.getByIndex(c).Width/1000))
            a = s.getCellByPosition(0, 2)
            print("  %s A3: type=%s string=%r formula=%r" % (s.Name, a.Type.value, a.String, a.Formula))
    doc.storeToURL(uno.systemPathToFileUrl(out + ".pdf"), (prop("FilterName", "calc_pdf_Export"),))
    doc.storeToURL(uno.systemPathToFileUrl(out + ".fods"), (prop("FilterName", "OpenDocument Spreadsheet Flat XML"),))
    doc.close(True)
    import re
    for r in re.findall(r'<table:database-range [^>]*>', open(out + ".fods", encoding="utf-8").read()):
        print("autofilter:", re.search(r'target-range-address="([^"]*)"', r).group(1),
              "buttons" if 'display-filter-buttons="true"' in r else "no buttons")
    print("stored", out + ".pdf", out + ".fods")
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=60)
