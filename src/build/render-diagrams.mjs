// Renders every diagram in bpmn/ to bpmn/images/<name>.png with bpmn-js (the library Camunda Modeler draws with)
// in Debian's headless Chromium, so that people can see the processes without the Modeler.
// Run with `npm run render:bpmn` after changing a diagram. Nothing is downloaded: bpmn-js comes from node_modules.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);
const viewer = readFileSync(join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css']
  .map((name) => readFileSync(join(root, 'node_modules/bpmn-js/dist/assets', name), 'utf8')).join('\n');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const out = join(root, 'bpmn/images');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'render-bpmn-'));

for (const file of readdirSync(join(root, 'bpmn')).filter((f) => f.endsWith('.bpmn')).sort()) {
  const xml = readFileSync(join(root, 'bpmn', file), 'utf8');
  // The diagram's extent decides the picture's size.
  const xs = [...xml.matchAll(/(?:x)="(-?[\d.]+)"[^>]*?width="([\d.]+)"/g)].map((m) => +m[1] + +m[2]);
  const ys = [...xml.matchAll(/(?:y)="(-?[\d.]+)"[^>]*?height="([\d.]+)"/g)].map((m) => +m[1] + +m[2]);
  const width = Math.ceil(Math.max(...xs) + 80);
  const height = Math.ceil(Math.max(...ys) + 80);
  const page = join(work, file + '.html');
  writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}
    html, body, #canvas { margin: 0; width: 100%; height: 100%; background: #fff; }</style></head>
    <body><div id="canvas"></div><script>${viewer}</script><script>
      const viewer = new BpmnJS({ container: '#canvas' });
      viewer.importXML(${JSON.stringify(xml)}).then(({ warnings }) => {
        viewer.get('canvas').zoom(1, { x: 0, y: 0 });
        document.title = warnings.length ? 'warnings: ' + warnings.map((w) => w.message).join('; ') : 'rendered';
      }).catch((e) => { document.title = 'failed: ' + e.message; });
    </script></body></html>`);
  const png = join(out, file.replace(/\.bpmn$/, '.png'));
  execFileSync(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    `--user-data-dir=${join(work, 'profile')}`, '--hide-scrollbars', '--virtual-time-budget=5000',
    `--window-size=${width},${height}`, `--screenshot=${png}`, 'file://' + page], { stdio: 'ignore' });
  console.log(`${file} -> ${png} (${width}x${height})`);
}
