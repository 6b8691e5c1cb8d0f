/** The report page's one stylesheet: allowed by its hash in the page's Content-Security-Policy. */
export const REPORT_STYLE = `
:root{--bg:#f6f7f9;--panel:#fff;--ink:#1b2330;--muted:#5b6575;--line:#e3e6eb;--accent:#0f766e;
--ideas:#2563eb;--votes:#8b5cf6;--decisions:#d97706;--latency:#0d9488;--warn:#c2410c;--ok:#15803d;
--s0:#1e3a8a;--s1:#1d4ed8;--s2:#2563eb;--s3:#3b82f6;--s4:#60a5fa;--s5:#15803d;--s6:#16a34a;
--l0:#1e3a8a;--l1:#3b82f6;--l2:#0d9488;--l3:#f59e0b;--l4:#9ca3af;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0f141b;--panel:#171e28;--ink:#e6e9ee;--muted:#9aa4b2;--line:#2a3340;
--accent:#2dd4bf;--ideas:#60a5fa;--votes:#a78bfa;--decisions:#fbbf24;--latency:#2dd4bf;--warn:#fb923c;--ok:#4ade80;
--s0:#93c5fd;--s1:#60a5fa;--s2:#3b82f6;--s3:#2563eb;--s4:#1d4ed8;--s5:#22c55e;--s6:#4ade80;
--l0:#93c5fd;--l1:#3b82f6;--l2:#2dd4bf;--l3:#fbbf24;--l4:#6b7280}svg.chart text.inbar{fill:#0f141b}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:0 20px}
header{background:var(--panel);border-bottom:1px solid var(--line);padding:22px 0 0;margin-bottom:22px}
h1{margin:0;font-size:1.7rem;letter-spacing:-.01em}
.org{color:var(--muted);font-weight:500}
h2{margin:0 0 4px;font-size:1.15rem}
h3{margin:18px 0 6px;font-size:1rem}
.sub,.small,.lead,.kpi-detail,.kpi-label,footer{color:var(--muted)}
.sub{margin:4px 0 14px}
.small{font-size:.85rem}
.lead{margin:0 0 12px}
.lead b{color:var(--ink)}
.notice{border-left:4px solid var(--warn);background:color-mix(in srgb,var(--warn) 10%,transparent);padding:8px 12px;border-radius:4px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:6px 0 14px}
.kpi{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.kpi-value{font-size:1.7rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.kpi-label{font-weight:600;color:var(--ink);font-size:.9rem}
.kpi-detail{font-size:.8rem}
.kpi.warn .kpi-value{color:var(--warn)}
nav{display:flex;gap:4px;flex-wrap:wrap;padding-bottom:10px}
nav a{color:var(--accent);text-decoration:none;padding:4px 10px;border-radius:999px;font-size:.9rem}
nav a:hover{background:var(--bg)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,540px),1fr));gap:20px;align-items:start}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:18px 20px;min-width:0}
#review,#delivered,#top,#roadmap,#people,#customers{grid-column:1/-1}
.chart{width:100%;height:auto;display:block;margin:4px 0 10px}
.chart text{fill:var(--ink);font:13px system-ui,sans-serif}
.chart .note,.chart .conv{fill:var(--muted);font-size:12px}
.chart .value{font-weight:600}
.chart .small{font-size:11px}
.chart .strong{font-weight:600}
.chart .inbar{fill:#fff;font-size:12px;font-weight:600}
.chart .axis{stroke:var(--line);stroke-width:1}
.bar{fill:var(--accent)}
.s0{fill:var(--s0)}.s1{fill:var(--s1)}.s2{fill:var(--s2)}.s3{fill:var(--s3)}.s4{fill:var(--s4)}.s5{fill:var(--s5)}.s6{fill:var(--s6)}
.l0{fill:var(--l0)}.l1{fill:var(--l1)}.l2{fill:var(--l2)}.l3{fill:var(--l3)}.l4{fill:var(--l4)}
.c-ideas{fill:var(--ideas)}.c-votes{fill:var(--votes)}.c-decisions{fill:var(--decisions)}.c-latency{fill:var(--latency)}
.table{overflow-x:auto;margin:8px 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;padding:4px 0}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:.8rem;color:var(--muted);font-weight:600}
td:has(> .num){text-align:right}
.num{font-variant-numeric:tabular-nums;white-space:nowrap}
.stale{color:var(--warn);font-weight:600}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;color:var(--muted)}
.status,.tag{display:inline-block;padding:1px 8px;border-radius:999px;font-size:.78rem;background:var(--bg);border:1px solid var(--line);white-space:nowrap}
.st-done,.tag.open{color:var(--ok);border-color:var(--ok)}
.st-closed{color:var(--muted)}
.st-main{color:var(--ideas);border-color:var(--ideas)}
.count{display:inline-block;min-width:1.6em;text-align:center;border-radius:999px;background:var(--bg);border:1px solid var(--line);font-size:.8rem;padding:0 6px}
.count.warn{color:var(--warn);border-color:var(--warn)}
.indent.d1{padding-left:1em}.indent.d2{padding-left:2em}.indent.d3{padding-left:3em}.indent.d4{padding-left:4em}
.votes{display:inline-flex;align-items:center;gap:6px;justify-content:flex-end;width:100%}
meter{width:80px;height:10px}
.split{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr));gap:20px}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:var(--bg)}
.card p{margin:6px 0 0}
.card-head{display:flex;justify-content:space-between;gap:8px;align-items:flex-start}
.card.delivered{border-left:4px solid var(--ok)}
.person{font-weight:600}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
footer{padding:24px 20px 40px}
.nw,th{white-space:nowrap}
a{color:var(--accent)}
td.t{min-width:14rem}
details.more{margin:4px 0 8px}
details.more>summary{cursor:pointer;color:var(--accent);font-size:.85rem}
ul.asked{list-style:none;margin:0;padding:0}
ul.asked li{margin:0 0 2px}
@media (max-width:600px){.wide{display:none}td.t{min-width:9rem}meter{display:none}th,td{padding:5px 5px}table{font-size:.85rem}.chart text{font-size:15px}.chart .small,.chart .note,.chart .conv{font-size:13px}body{font-size:14px}.wrap{padding:0 12px}.panel{padding:14px}.kpis{grid-template-columns:repeat(2,1fr)}.kpi-value{font-size:1.4rem}}
@media print{:root{--bg:#fff;--panel:#fff;--ink:#000;--muted:#444;--line:#ccc}body{background:#fff;font-size:11pt}
header{border:0;margin:0}nav{display:none}.grid{display:block}.panel{border:0;padding:0;margin:0 0 18pt;break-inside:avoid-page}
.table{overflow:visible}a{color:inherit}details.more::details-content{content-visibility:visible}}
`;
