import { describe, expect, it } from 'vitest';
import { fieldName, formValuesFrom, formValuesRead, problemPlace, rateTableInput, type RateTableData } from './rate-table-form.js';

const table: RateTableData = {
  currency: 'USD',
  referenceItem: { weightGrams: 1200, dimensions: { lengthMm: 320, widthMm: 220, heightMm: 150 } },
  zones: [
    { code: 'EU', name: 'European Union', countries: ['FR', 'DE'] },
    { code: 'WORLD', name: 'Rest of the world', countries: [] },
  ],
  methods: [
    {
      code: 'STANDARD',
      label: 'Standard (tracked)',
      origin: 'FR-LYS',
      volumetricDivisor: 5000,
      rates: [
        {
          zone: 'EU',
          brackets: [
            { upToGrams: 1000, amount: 900 },
            { upToGrams: 2000, amount: 1300 },
          ],
          perExtraKg: 250,
        },
        { zone: 'WORLD', brackets: [{ upToGrams: 1000, amount: 2600 }], perExtraKg: null },
      ],
      surcharges: [{ code: 'FUEL', label: 'Fuel surcharge', flat: 0, percentBps: 850, zones: ['WORLD'] }],
    },
  ],
};

describe('the rate-table form', () => {
  it('gives back the very table it was filled with, the empty rows left out', () => {
    const values = formValuesFrom(table);
    expect(values.zones).toHaveLength(3);
    expect(values.methods).toHaveLength(2);
    expect(values.methods[0]!.rates[0]).toEqual({ brackets: '1000 9.00\n2000 13.00', perExtraKg: '2.50' });
    expect(values.methods[0]!.surcharges[0]).toEqual({ code: 'FUEL', label: 'Fuel surcharge', flat: '', percent: '8.5', zones: 'WORLD' });
    expect(rateTableInput(values)).toEqual({ input: { ...table, note: null }, problems: [] });
  });

  it('reads the posted fields back by their names', () => {
    const values = formValuesFrom(table);
    const posted = new Map<string, string>([
      ['zoneRows', String(values.zones.length)],
      ['methodRows', String(values.methods.length)],
      ['currency', 'usd'],
      ['note', ' Autumn rates '],
      ['weightGrams', '1200'],
      ['lengthMm', '320'],
      ['widthMm', '220'],
      ['heightMm', '150'],
    ]);
    values.zones.forEach((z, i) => {
      posted.set(fieldName.zone(i, 'code'), z.code);
      posted.set(fieldName.zone(i, 'name'), z.name);
      posted.set(fieldName.zone(i, 'countries'), z.countries);
    });
    values.methods.forEach((m, i) => {
      posted.set(fieldName.method(i, 'code'), m.code);
      posted.set(fieldName.method(i, 'label'), m.label);
      posted.set(fieldName.method(i, 'origin'), m.origin);
      posted.set(fieldName.method(i, 'divisor'), m.divisor);
      posted.set(`method.${i}.surchargeRows`, String(m.surcharges.length));
      m.rates.forEach((r, z) => {
        posted.set(fieldName.rates(i, z, 'brackets'), r.brackets);
        posted.set(fieldName.rates(i, z, 'perExtraKg'), r.perExtraKg);
      });
      m.surcharges.forEach((s, k) => {
        for (const f of ['code', 'label', 'flat', 'percent', 'zones'] as const) posted.set(fieldName.surcharge(i, k, f), s[f]);
      });
    });
    const read = formValuesRead((name) => posted.get(name) ?? '');
    expect(rateTableInput(read)).toEqual({ input: { ...table, note: 'Autumn rates' }, problems: [] });
  });

  it('adds a zone typed in the empty row, with the prices typed for it', () => {
    const values = formValuesFrom(table);
    values.zones[2] = { code: 'na', name: 'North America', countries: 'us, ca' };
    values.methods[0]!.rates[2] = { brackets: '1000 g: 22\n2000 = 29.50', perExtraKg: '6' };
    const { input } = rateTableInput(values);
    expect(input!.zones[2]).toEqual({ code: 'NA', name: 'North America', countries: ['US', 'CA'] });
    expect(input!.methods[0]!.rates[2]).toEqual({
      zone: 'NA',
      brackets: [
        { upToGrams: 1000, amount: 2200 },
        { upToGrams: 2000, amount: 2950 },
      ],
      perExtraKg: 600,
    });
  });

  it('names what is not an amount or not a bracket line, and sends nothing', () => {
    const values = formValuesFrom(table);
    values.methods[0]!.rates[0] = { brackets: '1000 9.999\nheavy 20', perExtraKg: 'two' };
    values.methods[0]!.surcharges[0]!.percent = 'lots';
    expect(rateTableInput(values)).toEqual({
      input: null,
      problems: [
        'STANDARD from FR-LYS to EU: “9.999” is not an amount in USD (e.g. 9.50).',
        'STANDARD from FR-LYS to EU: “heavy 20” is not “grams price” (e.g. 1000 9.50).',
        'STANDARD from FR-LYS to EU, per extra kilogram: “two” is not an amount in USD (e.g. 9.50).',
        'STANDARD from FR-LYS, surcharge FUEL: “lots” is not a percentage (e.g. 8 or 12.5).',
      ],
    });
  });

  it('shows and reads amounts as French staff write them, with the decimal comma', () => {
    const values = formValuesFrom(table, 'USD', 'fr');
    expect(values.methods[0]!.rates[0]).toEqual({ brackets: '1000 9,00\n2000 13,00', perExtraKg: '2,50' });
    expect(values.methods[0]!.surcharges[0]!.percent).toBe('8,5');
    expect(rateTableInput(values, 'fr')).toEqual({ input: { ...table, note: null }, problems: [] });
  });

  it('names them in French for a French page', () => {
    const values = formValuesFrom(table, 'USD', 'fr');
    values.methods[0]!.rates[0] = { brackets: '1000 9,999\nheavy 20', perExtraKg: 'two' };
    values.methods[0]!.surcharges[0]!.percent = 'lots';
    values.methods[0]!.divisor = 'big';
    values.weightGrams = '';
    expect(rateTableInput(values, 'fr')).toEqual({
      input: null,
      problems: [
        'Poids de l’article de référence : indiquez un nombre entier.',
        'STANDARD depuis FR-LYS vers EU : « 9,999 » n’est pas un montant en USD (par ex. 9,50).',
        'STANDARD depuis FR-LYS vers EU : « heavy 20 » n’est pas « grammes prix » (par ex. 1000 9,50).',
        'STANDARD depuis FR-LYS vers EU, par kilogramme supplémentaire : « two » n’est pas un montant en USD (par ex. 9,50).',
        'STANDARD depuis FR-LYS, supplément FUEL : « lots » n’est pas un pourcentage (par ex. 8 ou 12,5).',
        'STANDARD depuis FR-LYS, diviseur volumétrique : indiquez un nombre entier.',
      ],
    });
  });

  it('refuses a currency that is not a code', () => {
    expect(rateTableInput({ ...formValuesFrom(table), currency: 'dollars' }).problems).toEqual(['The currency is a three-letter code, e.g. USD.']);
    expect(rateTableInput({ ...formValuesFrom(table), currency: 'dollars' }, 'fr').problems).toEqual(['La devise est un code de trois lettres, par ex. EUR.']);
  });

  it('says where a problem logistics names by its path is on the form', () => {
    const input = { ...table, note: null };
    expect(problemPlace('methods.0.rates.1.brackets.0.amount', input)).toBe('STANDARD from FR-LYS to WORLD, bracket 1');
    expect(problemPlace('methods.0.surcharges.0.percentBps', input)).toBe('STANDARD from FR-LYS, surcharge FUEL');
    expect(problemPlace('zones.1.countries.0', input)).toBe('Zone WORLD');
    expect(problemPlace('something.else', input)).toBe('something.else');
  });

  it('says it in French for a French page', () => {
    const input = { ...table, note: null };
    expect(problemPlace('methods.0.rates.1.brackets.0.amount', input, 'fr')).toBe('STANDARD depuis FR-LYS vers WORLD, tranche 1');
    expect(problemPlace('methods.0.rates.0.perExtraKg', input, 'fr')).toBe('STANDARD depuis FR-LYS vers EU, par kilogramme supplémentaire');
    expect(problemPlace('methods.0.surcharges.0.percentBps', input, 'fr')).toBe('STANDARD depuis FR-LYS, supplément FUEL');
    expect(problemPlace('zones.1.countries.0', input, 'fr')).toBe('Zone WORLD');
    expect(problemPlace('referenceItem.weightGrams', input, 'fr')).toBe('Article de référence');
  });
});
