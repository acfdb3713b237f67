import { createRenderer } from './packages/email/src/render/renderer';
import { sampleDigestData } from './packages/email/src/render/sample-email-data';
(async () => {
  const r = await createRenderer();
  const d = sampleDigestData(0, 10);
  const e = r.renderDigest(d);
  require('fs').writeFileSync('/tmp/digest.html', e.html);
  require('fs').writeFileSync('/tmp/digest.txt', e.text);
  console.log(e.html.length, e.text.length);
})();
