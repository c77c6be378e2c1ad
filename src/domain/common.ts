import * as z from 'zod/mini';

/** Record ids are made on the device (UUIDv7), so records can be created offline. */
export const idSchema = z.string().check(
  z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: 'must be a lowercase UUID',
  }),
);
export type Id = z.infer<typeof idSchema>;

/**
 * Text a person typed. NUL and unpaired UTF-16 surrogates are refused here: PostgreSQL
 * cannot store them in jsonb, and no keyboard makes them.
 */
const UNSTORABLE_TEXT =
  // eslint-disable-next-line no-control-regex -- finding NUL is the point of this pattern
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = z.refine<string>((text) => !UNSTORABLE_TEXT.test(text), {
  error: 'must not contain control characters or broken Unicode',
});

export const nonEmptyText = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(max, { error: `must be at most ${max} characters` }),
      storable,
    );

export const optionalText = (max: number) =>
  z
    .string()
    .check(z.trim(), z.maxLength(max, { error: `must be at most ${max} characters` }), storable);

/** A calendar date without time zone, "2022-08-18". */
export const dateSchema = z.iso.date({ error: 'must be a date written as YYYY-MM-DD' });

/**
 * An instant, always in UTC ISO form as produced by Date#toISOString. Years before 1000
 * are refused: no phone is set that far back, and PostgreSQL refuses year 0.
 */
export const instantSchema = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' }).check(
  z.refine((text) => !/^\d{4}-/.test(text) || Number(text.slice(0, 4)) >= 1000, {
    error: 'must be a timestamp after the year 1000',
  }),
);

/**
 * Kemendagri region codes: province 2 digits, kabupaten/kota 4, kecamatan 6, desa 10,
 * written with dots ("33.16", "33.16.01", "33.16.01.2001").
 */
export const regionCodeSchema = z.string().check(
  z.regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, {
    error: 'must be a Kemendagri region code such as 33.16 or 33.16.01',
  }),
);

export const geoPointSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  /** Accuracy radius in metres, as the device reported it. */
  accuracyM: z.optional(z.number().check(z.gte(0))),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;
