// Field rules shared by every OpenSLO kind, as the OpenSLO go-sdk validates them (oslo's reference; see
// ../shared/conformance/openslo/README.md): RFC-1123 names, label and annotation keys, durations, descriptions.
import { z } from 'zod';
import { isKnownTimeZone } from '../../budget/calendar';

/** RFC-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Longest name, display name and label key OpenSLO accepts (an RFC-1123 label's 63 characters). */
export const MAX_NAME_LENGTH = 63;

/** Longest description OpenSLO accepts, in characters. */
export const MAX_DESCRIPTION_LENGTH = 1050;

/** The duration shorthand of OpenSLO v1: a positive integer and one of m h d w M Q Y (1m, 28d, 1Q). */
export const DURATION_SHORTHAND = /^[1-9][0-9]*[mhdwMQY]$/;

const LABEL_KEY = /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const ANNOTATION_KEY_LENGTH = /^(.{0,253}\/)?.{0,63}$/;
const ANNOTATION_KEY = /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
// go-sdk checks calendar start times with Go's time.DateTime layout.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** A name or reference: an RFC-1123 label of at most 63 characters. */
export const nameSchema = z
  .string({ error: 'must be a name (text)' })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` })
  .regex(DNS_LABEL, { error: 'must be an RFC-1123 name: lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. my-service)' });

/** A description of at most 1,050 characters. */
export const descriptionSchema = z
  .string({ error: 'must be text' })
  .max(MAX_DESCRIPTION_LENGTH, { error: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });

/** Text that must not be empty. */
export const requiredText = (what: string) => z.string({ error: `must be ${what}` }).min(1, { error: `must not be empty (${what})` });

/** A duration shorthand such as 5m, 1h, 28d or 1M. */
export const durationSchema = z
  .string({ error: 'must be a duration such as 5m, 1h or 28d' })
  .regex(DURATION_SHORTHAND, { error: 'must be a whole number followed by one of m h d w M Q Y (e.g. 5m, 1h, 28d)' });

/** The comparison operators of thresholds and burn-rate conditions. */
export const OPERATORS = ['lte', 'gte', 'lt', 'gt'] as const;

/** A comparison operator. */
export const operatorSchema = z.enum(OPERATORS, { error: `must be one of ${OPERATORS.join(', ')}` });

/** A calendar start time "YYYY-MM-DD HH:MM:SS" that names a real moment (no month 13, no 31 February). */
export const startTimeSchema = z.string({ error: 'must be a date and time such as "2022-01-01 00:00:00"' }).refine(isDateTime, {
  error: 'must be a date and time written "YYYY-MM-DD HH:MM:SS" (e.g. "2022-01-01 00:00:00")',
});

/** An IANA time-zone name this runtime knows. */
export const timeZoneSchema = z
  .string({ error: 'must be an IANA time zone such as UTC or Europe/Warsaw' })
  .refine(isKnownTimeZone, { error: 'must be an IANA time zone such as UTC, America/New_York or Europe/Warsaw' });

function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

const labelValue = z.union([z.string(), z.array(z.string())], { error: 'must be text or a list of texts' });

/** Labels: keys as Kubernetes label keys, each value one text or a list of texts (go-sdk's Label). */
export const labelsSchema = z.record(
  z.string().regex(LABEL_KEY, { error: 'is not a valid label key: letters, digits, "-", "_" and ".", at most 63 characters' }),
  labelValue,
);

/** Annotations: keys as Kubernetes annotation keys (an optional DNS prefix and "/"), text values. */
export const annotationsSchema = z.record(
  z
    .string()
    .regex(ANNOTATION_KEY_LENGTH, { error: 'is too long for an annotation key (prefix at most 253, name at most 63 characters)' })
    .regex(ANNOTATION_KEY, { error: 'is not a valid annotation key (e.g. my-domain.org/my-key)' }),
  z.string({ error: 'must be text' }),
);

/** v1 metadata: name, display name, labels and annotations. */
export const metadataV1Schema = z.strictObject({
  name: nameSchema,
  displayName: z
    .string({ error: 'must be text' })
    .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` })
    .optional(),
  labels: labelsSchema.optional(),
  annotations: annotationsSchema.optional(),
});

/** v1alpha metadata: only a name and a display name. */
export const metadataV1alphaSchema = metadataV1Schema.pick({ name: true, displayName: true });

/** Free-form settings of a metric source or a data source (a query, a region, ...). */
export const freeFormSchema = z.record(z.string(), z.unknown(), { error: 'must be a map of settings' });
