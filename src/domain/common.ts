import * as z from 'zod/mini';

/** Record ids are made on the device (UUIDv7), so records can be created offline. */
export const idSchema = z.string().check(
  z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: 'must be a lowercase UUID',
  }),
);
export type Id = z.infer<typeof idSchema>;

export const nonEmptyText = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(max, { error: `must be at most ${max} characters` }),
    );

export const optionalText = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max, { error: `must be at most ${max} characters` }));

/** A calendar date without time zone, "2022-08-18". */
export const dateSchema = z.iso.date({ error: 'must be a date written as YYYY-MM-DD' });

/** An instant, always in UTC ISO form as produced by Date#toISOString. */
export const instantSchema = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' });

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
