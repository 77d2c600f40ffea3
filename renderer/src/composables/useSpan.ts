import { useI18n } from 'vue-i18n';
import { MS_PER_MINUTE, splitSpan } from '../utils/time';

/** Formats a wall-clock span coarsely ('1天3小时', '2小时', '35分钟'): a dispatcher needs the order of magnitude, not seconds. */
export function useSpan() {
  const { t } = useI18n();
  return (ms: number): string => {
    if (Math.abs(ms) < MS_PER_MINUTE) return t('span.lessThanMinute');
    const { days, hours, minutes } = splitSpan(ms);
    if (days > 0) return hours > 0 ? t('span.daysHours', { d: days, h: hours }) : t('span.days', { n: days });
    if (hours > 0) return t('span.hours', { n: hours });
    return t('span.minutes', { n: minutes });
  };
}
