/**
 * The Pokrovsk report, read back out of the dataset: who is who, which claims
 * exist and what ground each names. `main.ts` prints it; the tests run it on
 * the real file, so what the README and the docs show is what the code does.
 */
import {
  areaKm2,
  assessControl,
  battleDuration,
  chainOfCommand,
  compareClaimants,
  DIFF_LABELS,
  diffClaims,
  distanceToFront,
  findContradictions,
  frontLine,
  responseTimes,
  findByCallSign,
  resolveArea,
  splitByLine,
  sideOfLine,
  toMgrs,
  unitSidc,
  type Dataset,
  type LineInput,
  type TimeRef,
} from 'contested';

const km2 = (value: number): string => `${value.toFixed(1)} km²`;
const when = (t: TimeRef): string => (typeof t === 'string' ? t : `${t.at} (${t.precision})`);

/** Lays rows out as a fixed-width text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The whole summary, as text. */
export function pokrovskReport(dataset: Dataset): string {
  const out: string[] = [];
  const sideName = new Map((dataset.sides ?? []).map((s) => [s.id, s.name]));
  const actorName = new Map((dataset.actors ?? []).map((a) => [a.id, a.name]));
  const personName = new Map((dataset.persons ?? []).map((p) => [p.id, p.callSign ?? p.givenName ?? p.familyName ?? p.id]));
  out.push(`# ${dataset.meta?.title ?? 'Untitled dataset'}`, '');

  out.push('## Sides and actors');
  out.push(
    table(
      ['actor', 'kind', 'side', 'reliability'],
      (dataset.actors ?? []).map((a) => [a.name, a.kind, a.side === undefined ? '—' : (sideName.get(a.side) ?? a.side), a.reliability ?? '—']),
    ),
    '',
  );

  out.push('## Units (chain of command, 2525D symbol code as Ukraine sees it)');
  out.push(
    table(
      ['unit', 'side', 'echelon', 'role', 'chain of command', 'SIDC (viewpoint UA)'],
      (dataset.units ?? []).map((u) => [
        u.name,
        u.side,
        u.echelon,
        u.role,
        chainOfCommand(dataset, u.id).map((c) => c.id).join(' → '),
        unitSidc(u, { viewpoint: 'UA' }),
      ]),
    ),
  );
  const cp = dataset.units?.find((u) => u.position?.label === 'command post');
  if (cp?.position?.coordinates) {
    const [lon, lat] = cp.position.coordinates;
    out.push(`Command post of ${cp.name}: ${lon.toFixed(3)}, ${lat.toFixed(3)} (MGRS ${toMgrs([lon, lat], 2)}), ${cp.position.how ?? 'unknown'} to ±${(cp.position.accuracyM ?? 0) / 1000} km`);
  }
  out.push('');

  out.push('## People');
  out.push(
    table(
      ['name / call sign', 'role', 'unit', 'age'],
      (dataset.persons ?? []).map((p) => [
        p.callSign ?? p.givenName ?? p.familyName ?? p.id,
        p.role ?? '—',
        p.unit ?? '—',
        p.age === undefined ? '—' : `${p.age.years} as of ${when(p.age.asOf)}`,
      ]),
    ),
  );
  const ghosts = findByCallSign(dataset, 'ghost', { unit: 'skala' });
  out.push(`Call sign "ghost" within Skala and its subordinates: ${ghosts.map((p) => p.id).join(', ') || 'nobody'}`, '');

  out.push('## Places');
  out.push(
    table(
      ['place', 'kind', 'size', 'approximate?'],
      (dataset.places ?? []).map((p) => [
        p.name,
        p.kind,
        p.geometry.type === 'Polygon' || p.geometry.type === 'MultiPolygon' ? km2(areaKm2(p.geometry)) : p.geometry.type,
        p.approximate === undefined ? 'no' : `yes, ±${p.approximate.toleranceM ?? '?'} m`,
      ]),
    ),
  );
  const city = dataset.places?.find((p) => p.id === 'pokrovsk');
  const railway = dataset.places?.find((p) => p.id === 'railway');
  if (city && railway && (city.geometry.type === 'Polygon' || city.geometry.type === 'MultiPolygon')) {
    const line = railway.geometry as LineInput;
    const parts = splitByLine(city.geometry, line);
    const north = sideOfLine(line, 'north');
    const total = areaKm2(city.geometry);
    const northKm2 = areaKm2(parts[north]);
    const southKm2 = areaKm2(parts[north === 'left' ? 'right' : 'left']);
    out.push(
      `The railway splits ${city.name} (${km2(total)}) into the north, ${km2(northKm2)} (${((100 * northKm2) / total).toFixed(1)}%), and the south, ${km2(southKm2)} (${((100 * southKm2) / total).toFixed(1)}%).`,
    );
  }
  out.push('');

  out.push('## Claims');
  out.push(
    table(
      ['claim', 'claimant', 'stated', 'status', 'side', 'basis', 'ground'],
      (dataset.claims ?? []).map((c) => [
        c.id,
        actorName.get(c.claimant) ?? c.claimant,
        when(c.statedAt),
        c.status,
        c.side ?? (c.sides ?? []).join('/'),
        c.basis,
        km2(areaKm2(resolveArea(dataset, c.area))),
      ]),
    ),
    '',
  );

  out.push(diffSection(dataset));
  out.push(comparisonSection(dataset));
  out.push(denialSection(dataset));
  out.push(evidenceSection(dataset));

  out.push('## Evidence, events, statements');
  for (const e of dataset.evidence ?? []) out.push(`- evidence ${e.id} (${e.kind}, ${when(e.capturedAt)}): ${e.title ?? e.description ?? ''}`);
  for (const e of dataset.events ?? []) out.push(`- event ${e.id} (${e.kind}, ${when(e.at)})${e.follows ? ` after ${e.follows.join(', ')}` : ''}: ${e.title ?? ''}`);
  for (const s of dataset.statements ?? []) out.push(`- "${s.text}" — ${s.speaker !== undefined ? (personName.get(s.speaker) ?? s.speaker) : (actorName.get(s.actor ?? '') ?? s.actor)}`);
  return out.join('\n');
}

/** Where the Kremlin's claim conflicts with Ukraine's and with the trackers', in km² and percent of the city. */
export function diffSection(dataset: Dataset): string {
  const claims = dataset.claims ?? [];
  const of = (claimant: string) => claims.filter((c) => c.claimant === claimant);
  const options = { within: 'pokrovsk', places: dataset.places ?? [] };
  const versusUkraine = diffClaims(of('kremlin'), of('skala-command'), options);
  const versusTrackers = diffClaims(of('kremlin'), of('trackers'), options);
  const cell = (km2: number, share: number | null): string => (km2 === 0 ? '—' : `${km2.toFixed(1)} km² (${((share ?? 0) * 100).toFixed(1)}%)`);
  const rows = DIFF_LABELS.map((label) => [
    label,
    cell(versusUkraine.summary[label].km2, versusUkraine.summary[label].share),
    cell(versusTrackers.summary[label].km2, versusTrackers.summary[label].share),
  ]);
  return [
    `## Where the claims disagree (within the city, ${(versusUkraine.withinKm2 ?? 0).toFixed(1)} km²)`,
    table(['label', 'Kremlin vs Ukraine (Skala)', 'Kremlin vs trackers'], rows),
    `The Kremlin says Russia holds all of it; Ukraine says it holds ${versusUkraine.summary.conflict.km2.toFixed(1)} km² north of the railway: a conflict over ${(100 * (versusUkraine.summary.conflict.share ?? 0)).toFixed(1)}% of the city.`,
    '',
  ].join('\n');
}

/**
 * The three claimants who say who holds or advances, laid over each other:
 * where they dispute the city (different sides put forward) and where they
 * agree on the side but not its status (the Kremlin's "taken" beside the
 * trackers' "advancing" in the south).
 */
export function comparisonSection(dataset: Dataset): string {
  const claimants = ['kremlin', 'skala-command', 'trackers'];
  const n = compareClaimants(dataset, claimants, { asOf: dataset.meta?.asOf ?? '2025-W49', within: 'pokrovsk' });
  const rows = n.regions.features.map((f) => {
    const p = f.properties;
    const says = claimants.map((id) => {
      const view = p.says[id];
      return view === null || view === undefined ? '—' : `${view.status} ${view.side ?? (view.sides ?? []).join('/')}`;
    });
    return [p.agreement, p.side ?? '—', km2(p.km2), ...says];
  });
  return [
    '## The three claimants side by side (within the city)',
    table(['agreement', 'side', 'area', ...claimants], rows),
    `Disputed: ${km2(n.summary.disputedKm2)}; the same side put forward with different statuses (agree-side): ${km2(n.summary.agreeSideKm2)}.`,
    '',
  ].join('\n');
}

/**
 * The report's denials ("Pokrovsk has not fallen yet"; "reports of its
 * capture are Russian propaganda"): what each agrees with, is consistent
 * with and conflicts with, claimant by claimant, in km² of the city.
 */
export function denialSection(dataset: Dataset): string {
  const claims = dataset.claims ?? [];
  const options = { within: 'pokrovsk', places: dataset.places ?? [] };
  const denials = claims.filter((c) => c.status === 'not-controlled');
  const others = [...new Set(claims.filter((c) => c.status !== 'not-controlled').map((c) => c.claimant))];
  const rows = denials.flatMap((denial) =>
    others.map((claimant) => {
      const diff = diffClaims([denial], claims.filter((c) => c.claimant === claimant), options);
      const said = (['agree', 'consistent', 'conflict'] as const).map((label) => (diff.summary[label].km2 === 0 ? '—' : km2(diff.summary[label].km2)));
      return [denial.id, claimant, ...said];
    }),
  );
  const out = ['## The denials', ...denials.map((d) => `- ${d.id} (${d.claimant}): "${d.quote ?? ''}" — ${d.side} does not hold ${typeof d.area === 'string' ? d.area : 'the area'}`), ''];
  out.push(table(['denial', 'against', 'agree', 'consistent', 'conflict'], rows), '');
  return out.join('\n');
}

/** What the evidence says, the assessed control of the city, the front, and time. */
export function evidenceSection(dataset: Dataset): string {
  const out: string[] = ['## What the evidence says'];
  for (const c of findContradictions(dataset)) {
    const gap = c.timeGapMinutes === null ? 'at the same time (their time spans overlap)' : `${c.timeGapMinutes} minutes apart`;
    out.push(`- ${c.claim} is contradicted by ${c.evidence}: ${c.reason}, ${gap}.`);
  }
  const asOf = dataset.meta?.asOf ?? '2025-W49';
  const assessed = assessControl(dataset, { asOf, within: 'pokrovsk' });
  out.push('', `## Assessed control of the city as of ${when(asOf)}`);
  out.push(
    table(
      ['status', 'side', 'km²', 'verdict', 'confidence', 'supported by', 'disputed by'],
      assessed.features.map((f) => {
        const p = f.properties;
        return [
          p.status,
          p.side ?? (p.sides ?? []).join('/'),
          p.km2.toFixed(1),
          p.verdict,
          String(Math.round(p.confidence)),
          [...p.supportingClaims, ...p.supportingEvidence].join(', ') || '—',
          [...p.disputingClaims, ...p.disputingEvidence].join(', ') || '—',
        ];
      }),
    ),
  );
  // The city outline is our own frame, not a coarse border around a detailed map: no border strip to leave out.
  const front = frontLine(assessed, ['UA', 'RU'], { within: 'pokrovsk', places: dataset.places ?? [], borderM: 0 });
  const cp = dataset.units?.find((u) => u.position?.label === 'command post')?.position?.coordinates;
  if (front.geometry.coordinates.length > 0 && cp !== undefined) {
    const d = distanceToFront([cp[0], cp[1]], front);
    out.push(
      `Front line in the city (assessed): ${(front.properties.lengthM / 1000).toFixed(1)} km; the command post is ${(d.distanceM / 1000).toFixed(1)} km from it, well behind the line.`,
    );
  }
  const duration = battleDuration(dataset, 'pokrovsk', asOf);
  if (duration !== null) out.push('', `## Time`, `The battle has lasted ${duration.phrase} (since ${when(duration.startedBy.at)}).`);
  const response = responseTimes(dataset, { from: 'detection', to: 'strike' });
  if (response.count > 0) {
    out.push(
      `Detection to strike: ${response.count} linked pairs, min ${response.minMinutes} / median ${response.medianMinutes} / max ${response.maxMinutes} minutes.`,
    );
  }
  out.push('');
  return out.join('\n');
}
