import type { a11y as da } from '../da/a11y';
import type { Translation } from '../plural';

// English texts: screen-reader announcements, vote buttons' names and the accessibility statement.
export const a11y: Translation<typeof da> = {
  voteButtonName: '{choice}: {point}',
  announceFloor: '{name} has the floor.',
  announceVoteOpen: 'Vote opened: {point}',
  announceResult: 'Result: {point}: {outcome}. For {for}, against {against}, abstain {abstain}.',
  announceResultNoCounts: 'Result: {point}: {outcome}.',
  a11yLink: 'Accessibility',
  a11yTitle: 'Accessibility statement',
  a11yOtherLang: 'Tilgængelighedserklæring på dansk',
  a11yIntro:
    "Salen is the City of Copenhagen's voting and debate system for the City Council: the members' seat terminals, the chair's and the secretariat's consoles, the public gallery screen and the printable decision record. The city wants everyone to be able to use them; this statement follows the Danish Act on the accessibility of public sector websites and mobile applications (webtilgængelighedsloven).",
  a11yStandardTitle: 'Standard',
  a11yStandard:
    'The screens are to meet WCAG 2.1 level AA, as referred to by the harmonised standard EN 301 549. The system is partially compliant: see the known shortcomings below.',
  a11yTestedTitle: 'How it is tested',
  a11yTested1: 'Every browser test runs axe-core in the screen in each state it reaches — check-in, speakers, voting, roll call, election, closed item, result and record — and fails on any WCAG 2.0/2.1 A or AA violation.',
  a11yTested2: 'One test runs a whole vote by keyboard alone: the chair opens and closes it, a member votes with Tab, Enter and Space, and focus is visible on every control.',
  a11yTested3: 'The screens are tested at 200 % zoom (no horizontal scrolling on the seat terminal and the console) and with reduced motion.',
  a11yTested4: 'Vote buttons are named by choice and subject, and the floor, a vote opening and a result are announced to screen readers through one status region per screen.',
  a11yKnownTitle: 'Known shortcomings',
  a11yKnown1: 'Automatic testing does not find every problem: the screens have not yet been tested by users with screen readers (NVDA, VoiceOver).',
  a11yKnown2: 'The gallery screen is made for a large display in the chamber and is not meant to be operated; it follows the debate through status regions.',
  a11yKnown3: "The chair's console has many panels; its shortcut keys are listed in the Keyboard shortcuts panel, but there are no skip links between panels.",
  a11yKnown4: "axe-core runs the WCAG rules and the heading order; its other best-practice rules (such as all content inside a landmark) are not part of the test.",
  a11yContactTitle: 'Contact and feedback',
  a11yContact:
    'If you meet an accessibility problem, write to the City Council secretariat. Describe the screen and what happened, and we will answer within 14 days.',
  a11yEnforcementTitle: 'Enforcement',
  a11yEnforcement:
    'If you are not satisfied with the answer, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which oversees the act.',
  a11yEnforcementLink: "The Agency for Digital Government's complaint form",
  a11yDate: 'This statement was made on 2 December 2026 from a self-assessment: the automatic and keyboard tests above.',
  a11yBack: 'To the home page',
};
