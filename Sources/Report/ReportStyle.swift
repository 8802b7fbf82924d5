/// The one `<style>` of report.html: calm, system fonts, tabular figures, numbers right-aligned,
/// zebra rows; wide tables scroll inside their box on a phone; A4 print with a page per project,
/// no row cut in half and a table kept whole when it fits a page. Colour never carries meaning alone (badges say ok / exceeded in words).
enum ReportStyle {
    static let css = """
    :root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--zebra:#f6f8fa;--ok:#1a6b30;--ok-bg:#e6f4ea;--over:#a4161a;--over-bg:#fdecea;--bar:#0072b2}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0 auto;max-width:62rem;padding:1rem 1.25rem 3rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.5;color:var(--ink);background:#fff}
    h1{font-size:1.8rem;line-height:1.2;margin:1rem 0 .5rem}
    h2{font-size:1.35rem;line-height:1.3;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
    h3,caption{font-size:1.05rem;font-weight:600;line-height:1.3;margin:1.75rem 0 .5rem;text-align:left}
    caption{margin:0;padding:0 0 .5rem;position:sticky;left:0;max-width:calc(100vw - 1.5rem)}
    h1,h2,h3,p,dd,li{overflow-wrap:anywhere}
    th,td,caption{overflow-wrap:break-word}
    a{color:#0b5cad}
    .lead{color:var(--muted);margin:.25rem 0 1rem}
    nav.toc{border:1px solid var(--line);border-radius:.5rem;padding:.25rem 1.25rem .75rem;margin:1rem 0 2rem;background:var(--zebra)}
    nav.toc h2{font-size:1.05rem;border:0;margin:.75rem 0 .25rem;padding:0}
    nav.toc ol{margin:0;padding-left:1.25rem}
    nav.toc li{margin:.15rem 0}
    dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem;margin:1rem 0}
    dl.facts div{display:contents}
    dt{color:var(--muted)}
    dd{margin:0}
    .table-box{max-width:100%;overflow-x:auto;margin:.75rem 0 1.75rem}
    table{border-collapse:collapse;font-variant-numeric:tabular-nums lining-nums}
    th,td{padding:.3rem .65rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:baseline}
    thead th{font-weight:600;border-bottom:2px solid var(--ink);vertical-align:bottom}
    thead tr.groups th{text-align:center;border-bottom:1px solid var(--line)}
    tbody th{font-weight:normal;white-space:nowrap}
    tbody th.long{white-space:normal;min-width:14rem}
    tbody tr:nth-child(even){background:var(--zebra)}
    tr.total th,tr.total td{font-weight:600;border-top:2px solid var(--ink)}
    tr.total+tr.total th,tr.total+tr.total td{border-top:0}
    .num{text-align:right;white-space:nowrap}
    td.bar{width:12rem;min-width:6rem;vertical-align:middle}
    td.bar span{display:block;height:.75rem;background:var(--bar);border-radius:2px}
    .badge{display:inline-block;padding:0 .55rem;border:1px solid currentColor;border-radius:1rem;font-size:.9em;font-weight:600;white-space:nowrap}
    .badge.ok{color:var(--ok);background:var(--ok-bg)}
    .badge.over{color:var(--over);background:var(--over-bg)}
    ul.checks{list-style:none;margin:.5rem 0 1rem;padding:0}
    ul.checks li{margin:.4rem 0}
    .note{margin:.4rem 0}
    .path code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all}
    figure.chart{margin:1rem 0 1.5rem}
    figure.chart svg{display:block;max-width:100%;height:auto}
    @media (max-width:36rem){body{padding:.75rem .75rem 2rem}h1{font-size:1.45rem}dl.facts{grid-template-columns:minmax(0,1fr);gap:0}dd{margin-bottom:.5rem}}
    @page{size:A4;margin:15mm 12mm}
    @media print{body{max-width:none;padding:0;font-size:9.5pt}a{color:inherit;text-decoration:none}nav.toc{background:none}section.part{break-before:page}h2,h3,caption{break-after:avoid}tr,li,figure,caption,dl.facts div,.table-box{break-inside:avoid}thead{display:table-header-group}.table-box{overflow:visible}th,td{padding:.2rem .45rem}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
    """
}
