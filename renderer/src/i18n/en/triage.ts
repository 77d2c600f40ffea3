import type { zhTriage } from '../zh/triage';

export const enTriage: typeof zhTriage = {
  urgency: {
    title: 'Urgency',
    urgent: 'Suggest urgent',
    normal: 'Suggest normal',
    score: 'Score {score} (urgent from {threshold})',
    reasons: {
      category: 'Urgent by default: {name} ({p}%)',
      hazard: 'Mentions {roles} at risk of {risks}',
      hazardNoRole: 'Mentions a risk of {risks}',
      soon: 'Happening now: {words}',
      alarm: 'Alarm words: {words}',
      history: 'Similar past cases were mostly urgent ({p}%)',
      settled: '{kinds}: less urgent',
      learned: 'Urgency model (learned from past cases): {p}% like urgent cases',
      learnedAgainst: 'Urgency model (learned from past cases): only {p}% like urgent cases',
    },
    roles: { children: 'children', elderly: 'elderly people', frail: 'frail or ill people', crowd: 'people nearby', traffic: 'traffic', property: 'property' },
    risks: {
      fall: 'falling objects', electric: 'electric shock', fire: 'fire', gas: 'gas', collapse: 'collapse', flood: 'flooding', opening: 'falling into a hole',
      obstacle: 'obstacles on the road', slip: 'skidding', violence: 'violence', harm: 'injury', missing: 'being left alone', fraud: 'fraud',
      exposure: 'cold, hunger or illness',
      distress: 'trouble right now',
    },
    settled: { past: 'Already over or dealt with', enquiry: 'A question', chronic: 'A long-standing problem', minor: 'Slight' },
    join: ', ',
  },
};
