/**
 * Systematic timestamp-ish inputs for the differential tests. Only inputs are made here; every
 * expected verdict and output comes from Python (scripts/python/isoformat_oracle.py).
 */

const cross = <A, B>(as: readonly A[], bs: readonly B[]): [A, B][] => as.flatMap((a) => bs.map((b): [A, B] => [a, b]));

export const YEARS = [
  '0000',
  '0001',
  '0004',
  '0099',
  '0100',
  '0400',
  '1582',
  '1900',
  '1970',
  '2000',
  '2023',
  '2024',
  '2026',
  '2100',
  '9998',
  '9999',
];
export const MONTHS = ['00', '01', '02', '04', '06', '09', '11', '12', '13', '99'];
export const DAYS = ['00', '01', '28', '29', '30', '31', '32', '99'];
/** ISO years with and without a week 53 (2004, 2009, 2015, 2020, 2026 have one). */
export const WEEK_YEARS = ['0000', '0001', '2004', '2009', '2015', '2020', '2021', '2024', '2026', '9998', '9999'];
export const WEEKS = ['00', '01', '02', '26', '52', '53', '54', '99'];
export const WEEK_DAYS = ['', '0', '1', '4', '6', '7', '8', '9'];

export const HOURS = ['00', '09', '23', '24', '99'];
export const MINUTES = ['00', '30', '59', '60', '99'];
export const SECONDS = ['00', '59', '60', '99'];
/** Fraction digit strings of 1..12 digits (Python reads 6, skips the rest). */
export const FRACTIONS = [
  '',
  '0',
  '5',
  '05',
  '123',
  '1234',
  '12345',
  '123456',
  '000000',
  '000001',
  '999999',
  '1234567',
  '1234569',
  '9999999',
  '0000001',
  '12345678',
  '123456789',
  '100000000000',
];

export const OFFSETS = [
  '',
  'Z',
  'z',
  '+00:00',
  '-00:00',
  '+00',
  '-00',
  '+0000',
  '+05:30',
  '-03:00',
  '+0530',
  '-0300',
  '+05',
  '-05',
  '+05:30:15',
  '-05:30:15',
  '+053015',
  '+05:30:15.123',
  '+05:30:15.123456',
  '+05:30:15.1234567',
  '-05:30:15.000001',
  '+00:00:00.5',
  '-00:00:00.5',
  '+00:00:01.5',
  '-00:00:01.5',
  '+23:59',
  '-23:59',
  '+23:59:59',
  '+23:59:59.999999',
  '-23:59:59.999999',
  '+24:00',
  '-24:00',
  '+24',
  '+23:60',
  '+00:99',
  '+00:99:99',
  '+99:00',
  '+5',
  '-5',
  '+053',
  '+05:3',
  '+05:30:',
  '+05:30:1',
  '+05:30Z',
  'Z+05:00',
  'ZZ',
  '+',
  '-',
  '+05.5',
  '+05:30.5',
  '+05,5',
  '+05:30:15:12',
  '++05:00',
  '+-05:00',
  '+05:30 ',
  ' +05:30',
];

export const SEPARATORS = [
  'T',
  't',
  ' ',
  'x',
  '_',
  '1',
  '0',
  '-',
  '+',
  ':',
  '.',
  'Z',
  'W',
  '\u00e9',
  '\u0662',
  '\u0000',
  '\n',
  '\t',
  '\u200b',
  '\u3000',
  '\u{1F600}',
  '\ud800',
  '\udc00',
  'TT',
  '',
];

/** Characters used to mutate strings: every kind of byte the scanner distinguishes. */
export const ALPHABET = [
  '0',
  '1',
  '2',
  '5',
  '9',
  '-',
  ':',
  '.',
  ',',
  '+',
  'T',
  't',
  ' ',
  'W',
  'w',
  'Z',
  'z',
  'x',
  '\u0000',
  '\n',
  '\u00e9',
  '\u0662',
  '\uff12',
  '\u{1F600}',
  '\ud800',
  '\ufeff',
];

function dates(): string[] {
  const out: string[] = [];
  for (const [y, [m, d]] of cross(YEARS, cross(MONTHS, DAYS))) {
    out.push(`${y}-${m}-${d}`, `${y}${m}${d}`);
  }
  // Leap days, explicitly, in every leap / common year kind.
  for (const y of [
    '0004',
    '0100',
    '0400',
    '1600',
    '1700',
    '1900',
    '2000',
    '2023',
    '2024',
    '2025',
    '2100',
    '2400',
    '9996',
    '9999',
  ]) {
    out.push(`${y}-02-29`, `${y}0229`, `${y}-02-28T23:59:59.999999`, `${y}-02-29T00:00:00Z`);
  }
  // Forms Python 3.11/3.12 do not read (reduced precision, ordinal, extended years, one-digit parts).
  out.push(
    '2026',
    '2026-05',
    '202605',
    '2026-5-9',
    '2026-05-9',
    '2026-5-09',
    '26-05-09',
    '+2026-05-09',
    '-2026-05-09',
    '+02026-05-09',
    '02026-05-09',
    '2026-001',
    '2026001',
    '2026-365',
    '2026-129T10:11',
    '2026-0509',
    '202605-09',
    '2026/05/09',
    '2026.05.09',
    '09-05-2026',
    '2026-05-09-',
    '2026-05-0',
    '2026050',
    '1234567',
    '12345678',
  );
  return out;
}

function weekDates(): string[] {
  const out: string[] = [];
  for (const [y, [w, d]] of cross(WEEK_YEARS, cross(WEEKS, WEEK_DAYS))) {
    out.push(`${y}-W${w}${d === '' ? '' : `-${d}`}`, `${y}W${w}${d}`);
  }
  // The separator search is ambiguous after week dates: YYYY-Www-##, YYYYWww###...
  const bases = ['2026-W19', '2026-W19-6', '2026W19', '2026W196', '2020-W53', '2020-W53-7', '0001-W01-1', '9999-W52-5'];
  const tails = [
    'T10',
    'T1011',
    'T10:11',
    'T10:11:12.5+05:30',
    '10',
    '1011',
    '101112',
    '10111',
    '-10',
    '-1011',
    '-10:11',
    ' 10:11',
    'T10Z',
    '-',
    'T',
    '1',
    '12',
    '123',
    '1234',
    '12345',
    '123456',
    '1234567',
  ];
  for (const [b, t] of cross(bases, tails)) out.push(b + t);
  out.push('2026-W1', '2026W1', '2026-W', '2026W', '2026-W19-', '2026-W196', '2026W19-6', '2026-w19', '2026w19');
  return out;
}

function times(): string[] {
  const out: string[] = [];
  const shapes: string[] = [];
  for (const h of HOURS) {
    shapes.push(h);
    for (const m of MINUTES) {
      shapes.push(`${h}:${m}`, `${h}${m}`);
      for (const s of SECONDS) shapes.push(`${h}:${m}:${s}`, `${h}${m}${s}`);
    }
  }
  for (const [shape, off] of cross(shapes, ['', 'Z', '+05:30', '-00:00'])) out.push(`2026-05-09T${shape}${off}`);

  // Fractions after every component Python lets them follow, with both decimal marks.
  const fracBases = ['10', '10:11', '1011', '10:11:12', '101112', '10:11:12:13', '23:59:59'];
  for (const [[base, mark], [frac, off]] of cross(
    cross(fracBases, ['.', ',']),
    cross(FRACTIONS, ['', 'Z', '+01:00', '-05:30:15', 'x', 'x+01:00']),
  )) {
    out.push(`2026-05-09T${base}${mark}${frac}${off}`);
  }
  // Odd component counts, mixed separators, one-digit parts, junk.
  out.push(
    ...[
      '1',
      '1:11',
      '10:1',
      '10:11:1',
      '101',
      '10111',
      '1011121',
      '10:1112',
      '1011:12',
      '10::11',
      '10:11::12',
      '10:11:12:',
      '10:11:12:13:14',
      '10:11:12.5.5',
      '10:11:12..5',
      '10:11:12.5,5',
      '10.',
      '10:',
      '10:11.',
      '101112.',
      '10h11',
      '10:11:12 ',
      ' 10:11:12',
      '10:11:12\n',
      'T10:11',
      '-10:11',
      '10:11:12.1a',
      '10:11:12.1234567a',
      '10\u0000',
      '10:11\u0000',
      '10:11\u0000xx',
      '10:11:12.5\u0000',
      '10\u0000:11',
      '\u0662\u0660:11',
      '\uff11\uff10:11',
      '10:11:12.\u0665',
    ].map((t) => `2026-05-09T${t}`),
  );
  return out;
}

function offsets(): string[] {
  const out: string[] = [];
  for (const off of OFFSETS) {
    out.push(
      `2026-05-09T10:11:12${off}`,
      `2026-05-09T10:11:12.123456${off}`,
      `2026-05-09T10${off}`,
      `2026-05-09T1011${off}`,
      `20260509T101112${off}`,
    );
  }
  const hh = ['00', '01', '05', '14', '23', '24', '99'];
  const mm = ['00', '30', '59', '60', '99'];
  const ss = ['', '00', '15', '59', '60'];
  const ff = ['', '.5', ',5', '.000001', '.999999', '.1234567'];
  for (const sign of ['+', '-']) {
    for (const [h, [m, [s, f]]] of cross(hh, cross(mm, cross(ss, ff)))) {
      if (s === '' && f !== '') continue;
      out.push(`2026-05-09T10:11:12${sign}${h}:${m}${s === '' ? '' : `:${s}`}${f}`);
      out.push(`2026-05-09T10:11:12${sign}${h}${m}${s}${f}`);
    }
  }
  return out;
}

function separators(): string[] {
  const out: string[] = [];
  for (const [date, sep] of cross(
    ['2026-05-09', '20260509', '2026-W19-6', '2026W196', '2026-W19', '2026W19'],
    SEPARATORS,
  )) {
    out.push(`${date}${sep}10:11:12`, `${date}${sep}10`, `${date}${sep}`);
  }
  // Surrogates and multibyte characters around the separator positions 7, 8 and 10.
  for (const s of ['\ud800', '\udfff', '\u00e9', '\u{1F600}']) {
    out.push(
      `2026-05${s}09T10`,
      `2026-05-${s}9T10`,
      `2026-05-09T${s}10`,
      `2026W19${s}10`,
      `2026W196${s}10`,
      `2026-05-09${s}${s}10`,
      `${s}2026-05-09T10`,
      `2026-05-09T10${s}`,
      `2026-05-09${s}10:11${s}`,
    );
  }
  return out;
}

function boundaries(): string[] {
  const out: string[] = [];
  for (const off of [
    '',
    'Z',
    '+00:00',
    '+05:00',
    '-05:00',
    '+23:59:59.999999',
    '-23:59:59.999999',
    '+00:00:00.000001',
    '-00:00:01',
  ]) {
    out.push(
      `0001-01-01T00:00:00${off}`,
      `0001-01-01${off === '' ? '' : `T00${off}`}`,
      `9999-12-31T23:59:59.999999${off}`,
      `9999-12-31T23:59:59${off}`,
      `1970-01-01T00:00:00${off}`,
      `1969-12-31T23:59:59.999999${off}`,
      `1970-01-01T00:00:00.000001${off}`,
    );
  }
  out.push(
    '2026-05-09T24:00',
    '2026-05-09T24:00:00',
    '2026-05-09T24:00:00Z',
    '2026-05-09T23:59:60',
    '2026-05-09T23:59:60Z',
    '2016-12-31T23:59:60+00:00',
    '2026-05-09T23:60',
    '2026-05-09T23:59:59.9999999',
  );
  return out;
}

function whole(): string[] {
  const good = '2026-05-09T10:11:12.123456+05:30';
  const out: string[] = [
    '',
    ' ',
    '\n',
    'T',
    'Z',
    'null',
    'None',
    'now',
    'today',
    'garbage',
    'NaN',
    '2026-05-09T10:11:12+05:30 garbage',
    '\u0662\u0660\u0662\u0666-\u0660\u0665-\u0660\u0669',
    '\u0662\u0660\u0662\u0666-05-09',
    '\uff12\uff10\uff12\uff16-05-09',
    '2026-05-09T10:11:12.345678+00:00',
    '2026-05-09T10:11:12+05:30',
    '2026-05-09 10:11:12.345678',
    '20260509T101112',
    '20260509T101112.5Z',
    '2026-05-09T10:11:12.345678Z',
  ];
  for (const wrap of [
    [' ', ''],
    ['', ' '],
    ['', '\n'],
    ['', '\r\n'],
    ['\n', ''],
    ['', '\u0000'],
    ['\ufeff', ''],
    ['\t', ''],
    ['', 'Z'],
    ['"', '"'],
  ]) {
    out.push(
      `${wrap[0]}${good}${wrap[1]}`,
      `${wrap[0]}2026-05-09${wrap[1]}`,
      `${wrap[0]}2026-05-09T10:11:12${wrap[1]}`,
    );
  }
  for (let i = 0; i <= good.length; i++) out.push(good.slice(0, i));
  return out;
}

/** Every single-character deletion, substitution and insertion (from ALPHABET) of a few good inputs. */
export function mutations(bases: readonly string[]): string[] {
  const out: string[] = [];
  for (const base of bases) {
    const chars = Array.from(base);
    for (let i = 0; i <= chars.length; i++) {
      if (i < chars.length) out.push([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
      if (i + 1 < chars.length)
        out.push([...chars.slice(0, i), chars[i + 1]!, chars[i]!, ...chars.slice(i + 2)].join(''));
      for (const c of ALPHABET) {
        if (i < chars.length) out.push([...chars.slice(0, i), c, ...chars.slice(i + 1)].join(''));
        out.push([...chars.slice(0, i), c, ...chars.slice(i)].join(''));
      }
    }
  }
  return out;
}

export const MUTATION_BASES = [
  '2026-05-09T10:11:12.123456+05:30',
  '20260509T101112,5-0330',
  '2026-W19-6T10:11:12Z',
  '2026W196 10:11:12+05:30:15.5',
  '2024-02-29T23:59:59.999999-00:00:01',
  '2026-05-09',
];

/** Non-string JSON values (Python: TypeError). */
export const NON_STRINGS: unknown[] = [
  null,
  0,
  1,
  -1,
  1.5,
  20260509,
  true,
  false,
  [],
  ['2026-05-09'],
  {},
  { t: '2026-05-09' },
];

/** Every systematic string case, deduplicated, in a stable order. */
export function enumeratedCases(): string[] {
  const all = [
    ...dates(),
    ...weekDates(),
    ...times(),
    ...offsets(),
    ...separators(),
    ...boundaries(),
    ...whole(),
    ...mutations(MUTATION_BASES),
  ];
  return [...new Set(all)];
}
