import { useI18n } from 'vue-i18n';

/**
 * Looks up enum labels by table and value. A value the tables do not know (a newer backend,
 * an old event) shows as itself rather than as a broken key path.
 */
export function useLabels() {
  const { t, te } = useI18n();
  const label = (table: string, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    const key = `${table}.${value}`;
    return te(key) ? t(key) : value;
  };
  return { label, t };
}
