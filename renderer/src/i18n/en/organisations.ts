import type { zhOrganisations } from '../zh/organisations';

export const enOrganisations: typeof zhOrganisations = {
  participation: {
    title: 'Social organisations',
    hint: 'Cases referred to social organisations this period: accepted, declined, handled on time and satisfaction (whole district, not filtered by street)',
    open: 'Open the participation board',
    back: 'Back to the dashboard',
    period: 'Month',
    empty: 'No cases were referred to social organisations in this period',
    inactive: 'Inactive',
    columns: {
      name: 'Organisation',
      referred: 'Referred',
      accepted: 'Accepted',
      declined: 'Declined',
      awaiting: 'Awaiting answer',
      answeredOnTime: 'Answered on time',
      handled: 'Results',
      handledOnTimeRate: 'On-time results',
      satisfactionRate: 'Satisfaction',
    },
    totals: 'Total',
    rateNote: 'On-time results = results by the deadline ÷ results; satisfaction = satisfied and basically satisfied ÷ callbacks reached (unreachable ones left out)',
  },
};
