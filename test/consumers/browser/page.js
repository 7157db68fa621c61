// The Pokrovsk example in a browser: esbuild bundles this file with the
// packed `contested` and its dependencies (platform browser, nothing
// external), with the example dataset inlined; the page parses it, diffs the
// Kremlin's claim against Skala's within the city, and draws the SVG map.
// scripts/check-consumers.mjs copies examples/pokrovsk/pokrovsk.json beside it.
import { diffClaims, parseDataset, toSvg, DIFF_LABELS } from 'contested';
import pokrovsk from './pokrovsk.json';

const status = document.getElementById('status');
try {
  const dataset = parseDataset(pokrovsk);
  const claims = dataset.claims ?? [];
  const diff = diffClaims(
    claims.filter((c) => c.claimant === 'kremlin'),
    claims.filter((c) => c.claimant === 'skala-command'),
    { within: 'pokrovsk', places: dataset.places ?? [] },
  );
  const table = document.getElementById('summary');
  for (const label of DIFF_LABELS) {
    const { km2, share } = diff.summary[label];
    const row = table.insertRow();
    row.dataset.label = label;
    row.insertCell().textContent = label;
    row.insertCell().textContent = `${km2.toFixed(1)} km²`;
    row.insertCell().textContent = share === null ? '' : `${(share * 100).toFixed(1)}%`;
  }
  document.getElementById('map').innerHTML = toSvg(diff, { title: 'Pokrovsk: the Kremlin vs Skala', partyNames: { a: 'the Kremlin', b: 'Skala' } });
  status.textContent = `city ${diff.withinKm2.toFixed(1)} km²; conflict ${diff.summary.conflict.km2.toFixed(1)} km²`;
  status.dataset.done = 'true';
} catch (error) {
  status.textContent = `failed: ${error}`;
  status.dataset.done = 'error';
  throw error;
}
