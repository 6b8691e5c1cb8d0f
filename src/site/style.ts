/** The site's one stylesheet: light and dark from the reader's system, phone first, visible focus. */
import { statusesOf, statusRole, type Lifecycle, type StatusRole } from '../model/lifecycle.js';

export const SITE_CSS = `:root{--bg:#f6f7f9;--panel:#fff;--ink:#1b2330;--muted:#566070;--line:#dfe3e8;--accent:#0f766e;
--accent-ink:#fff;--warn:#b45309;--ok:#15803d;--focus:#2563eb;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0f141b;--panel:#171e28;--ink:#e6e9ee;--muted:#a3adba;
--line:#2a3340;--accent:#2dd4bf;--accent-ink:#06201d;--warn:#fbbf24;--ok:#4ade80;--focus:#93c5fd}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
main:focus:not(:focus-visible){outline:none}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:8px;top:-60px;background:var(--panel);color:var(--ink);padding:8px 12px;border-radius:6px;z-index:10}
.skip:focus{top:8px}
.wrap{max-width:1180px;margin:0 auto;padding:0 16px}
.top{background:var(--panel);border-bottom:1px solid var(--line);margin-bottom:20px}
.top-row{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding-top:10px;padding-bottom:10px}
.brand{font-weight:700;color:var(--ink);text-decoration:none;font-size:1.1rem;margin-right:auto}
.top nav{display:flex;flex-wrap:wrap;gap:2px}
.top nav a{padding:6px 10px;border-radius:999px;text-decoration:none}
.top nav a[aria-current=page]{background:var(--bg);font-weight:600}
.search{display:flex;gap:6px;flex:1 1 220px;max-width:360px}
input,select,textarea{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:8px 10px;width:100%}
.search input{min-width:0}
button,.button{font:inherit;display:inline-block;border:1px solid var(--accent);background:var(--accent);color:var(--accent-ink);border-radius:8px;padding:8px 14px;text-decoration:none;cursor:pointer;font-weight:600;text-align:center}
.button.secondary,button.secondary{background:transparent;color:var(--accent)}
.button[aria-disabled=true]{opacity:.55;cursor:not-allowed}
h1{font-size:1.7rem;line-height:1.25;margin:8px 0 6px;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:0 0 8px}
h3{font-size:1rem;margin:12px 0 6px}
.lead{color:var(--muted);margin:0 0 12px}
.muted,.note,.hint,.meta,.small,footer,.crumbs{color:var(--muted)}
.small,.hint,.note{font-size:.88rem}
.hint{margin:2px 0 10px}
.figures{font-variant-numeric:tabular-nums}
.hero{margin-bottom:18px}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:16px 18px;margin-bottom:18px;min-width:0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr));gap:0 18px;align-items:start}
.ideas{list-style:none;margin:0;padding:0}
.ideas>li{padding:8px 0;border-bottom:1px solid var(--line)}
.ideas>li:last-child{border-bottom:0}
.ideas.compact>li{padding:4px 0;border:0}
.ideas .title{font-weight:600;overflow-wrap:anywhere}
.ideas p{margin:2px 0 0}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;color:var(--muted)}
.status,.tag{display:inline-block;padding:0 8px;border-radius:999px;font-size:.8rem;border:1px solid var(--line);background:var(--bg);white-space:nowrap;text-decoration:none;color:inherit}
.tags{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:4px 0 12px}
.count{display:inline-block;min-width:1.6em;text-align:center;border-radius:999px;border:1px solid var(--line);font-size:.8rem;padding:0 6px}
.stages{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,220px),1fr));gap:12px}
.stage{border:1px solid var(--line);border-radius:10px;padding:8px 12px;background:var(--bg);min-width:0}
.stage h3{margin-top:4px;text-transform:capitalize}
.teams{list-style:none;padding:0;margin:0}
.pager{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:14px}.pager p{flex-basis:100%;margin:0}
.pager ol{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:0}
.pager a{display:inline-block;min-width:2.6em;padding:6px 10px;border:1px solid var(--line);border-radius:8px;text-align:center;text-decoration:none}
.pager a[aria-current=page]{background:var(--accent);border-color:var(--accent);color:var(--accent-ink);font-weight:600}
.teams li{padding:3px 0}.teams .d1{padding-left:1em}.teams .d2{padding-left:2em}.teams .d3{padding-left:3em}.teams .d4{padding-left:4em}
.idea-grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:18px;align-items:start}
@media (max-width:860px){.idea-grid{grid-template-columns:minmax(0,1fr)}}
.text{overflow-wrap:anywhere}
.text h2,.text h3,.text h4{margin-top:14px}
.text pre{overflow-x:auto;background:var(--bg);padding:10px;border-radius:8px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
blockquote{margin:8px 0;padding:2px 12px;border-left:4px solid var(--line);color:var(--muted)}
.votes,.timeline{list-style:none;padding:0;margin:0}
.votes>li,.timeline>li{padding:8px 0;border-bottom:1px solid var(--line)}
.votes>li:last-child,.timeline>li:last-child{border-bottom:0}
.vote-head{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:center}
.person{font-weight:600}
.notice{border-left:4px solid var(--warn);padding:6px 12px;background:var(--panel);border-radius:4px}
.act label{display:block;font-weight:600;margin:10px 0 4px}
.act .actions{display:flex;flex-wrap:wrap;gap:8px;margin:14px 0 8px}
.draft:empty{display:none}
.draft{border-top:1px solid var(--line);margin-top:8px;padding-top:8px}
.draft pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:10px;font-size:.85rem;max-height:320px;overflow:auto}
.problems{color:var(--warn);padding-left:1.2em}
.search-big .row{display:flex;gap:8px}
.search-big label{display:block;font-weight:600;margin-bottom:4px}
.results mark{background:color-mix(in srgb,var(--accent) 25%,transparent);color:inherit}
footer{padding:24px 16px 40px}
@media (max-width:600px){body{font-size:15px}h1{font-size:1.4rem}.panel{padding:12px}.brand{width:100%}.search{max-width:none}}
@media print{.top,.act,footer,.skip{display:none}.panel{border:0}}
`;

const ROLE_STYLE: Record<StatusRole, string> = {
  done: 'color:var(--ok);border-color:var(--ok)',
  main: 'color:var(--accent);border-color:var(--accent)',
  closed: 'color:var(--muted)',
  open: '',
};

/**
 * The stylesheet with a rule per status of this lifecycle, coloured by its role (delivered, on
 * the main line, closed, open), as the report colours them: never by the status's name.
 */
export function siteCss(lifecycle: Lifecycle): string {
  const rules = statusesOf(lifecycle)
    .map((status) => [statusClass(status), ROLE_STYLE[statusRole(lifecycle, status)]] as const)
    .filter(([, style]) => style !== '')
    .map(([name, style]) => `.${name}{${style}}`);
  return `${SITE_CSS}\n${rules.join('\n')}\n`;
}

/** The class a status badge carries: its name, kept to what a class may hold. */
export function statusClass(status: string): string {
  return `st-${status.replace(/[^a-z-]/g, '')}`;
}
