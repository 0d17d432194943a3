// Every notice the app sends, in one place: the words shown for its kind on the
// notices pages, its subject and its body. Areas choose the kind and give the facts
// (names, formatted dates, absolute links); the wording lives here only.

type Template<V> = {
  /** the kind in words, as organizers and admins see it in notice lists */
  label: string;
  subject: (v: V) => string;
  body: (v: V) => string;
};

const template = <V>(t: Template<V>): Template<V> => t;
const lines = (...parts: (string | false | null | undefined)[]) =>
  parts.filter((p): p is string => typeof p === "string").join("\n");

export const NOTICE_TEMPLATES = {
  offer: template<{ name: string; cohort: string; deadline: string; link: string }>({
    label: "Offer of a place",
    subject: (v) => `You are accepted to ${v.cohort}`,
    body: (v) =>
      lines(
        `Hello ${v.name},`,
        "",
        `We are happy to offer you a place in ${v.cohort}.`,
        "",
        `Please confirm or decline by ${v.deadline}:`,
        v.link,
        "",
        "If you do not answer by then, the seat goes to the next person on the waitlist.",
      ),
  }),
  offer_from_waitlist: template<{ name: string; cohort: string; deadline: string; link: string }>({
    label: "Offer of a freed place (waitlist)",
    subject: (v) => `A seat opened for you in ${v.cohort}`,
    body: (v) =>
      lines(
        `Hello ${v.name},`,
        "",
        `A seat opened in ${v.cohort} and it is yours if you want it.`,
        "",
        `Please confirm or decline by ${v.deadline}:`,
        v.link,
        "",
        "If you do not answer by then, the seat goes to the next person on the waitlist.",
      ),
  }),
  offer_reminder: template<{ name: string; cohort: string; deadline: string; link: string }>({
    label: "Reminder to answer an offer",
    subject: (v) => `Reminder: please answer your offer for ${v.cohort}`,
    body: (v) =>
      lines(
        `Hello ${v.name},`,
        "",
        `Your place in ${v.cohort} is waiting. Please confirm or decline by ${v.deadline}:`,
        v.link,
      ),
  }),
  waitlisted: template<{ name: string; cohort: string; position: number }>({
    label: "On the waitlist",
    subject: (v) => `You are on the waitlist for ${v.cohort}`,
    body: (v) =>
      `Hello ${v.name},\n\nThank you for applying to ${v.cohort}. We could not offer you a seat yet, but you are on the waitlist (position ${v.position}). If a seat opens before the start, we will send you an offer straight away.`,
  }),
  not_accepted: template<{ name: string; cohort: string }>({
    label: "Not accepted",
    subject: (v) => `Your application to ${v.cohort}`,
    body: (v) =>
      `Hello ${v.name},\n\nThank you for applying to ${v.cohort}. We had many more strong applications than seats and could not offer you one this time. We hope you will apply again to a later cohort.`,
  }),
  "team.welcome": template<{
    name: string;
    cohort: string;
    team: string;
    role: string;
    project: string | null;
    navigator: string | null;
    captain: string | null;
    participants: string[];
    meeting: { label: string; timeZone: string; asSet: string } | null;
    chatUrl: string | null;
    links: { label: string; url: string }[];
    teamLink: string;
    calendarLink: string | null;
  }>({
    label: "Welcome to a team",
    subject: (v) => `Welcome to ${v.team} — ${v.cohort}`,
    body: (v) =>
      lines(
        `Hello ${v.name},`,
        "",
        `You are ${v.role === "participant" ? "a participant" : `the ${v.role}`} of ${v.team} in ${v.cohort}${v.project ? `, working on ${v.project}` : ""}.`,
        "",
        `Navigator: ${v.navigator ?? "to be announced"}`,
        v.captain && `Captain: ${v.captain}`,
        `Participants: ${v.participants.join(", ")}`,
        "",
        v.meeting
          ? `Weekly meeting: ${v.meeting.label} your time (${v.meeting.timeZone}), set as ${v.meeting.asSet}.`
          : "Weekly meeting: your navigator will set a time that suits everyone; the team page will show it in your own time zone.",
        v.chatUrl && `Chat: ${v.chatUrl}`,
        ...v.links.map((l) => `${l.label}: ${l.url}`),
        "",
        `Team page: ${v.teamLink}`,
        v.calendarLink && `Calendar feed (private to you): ${v.calendarLink}`,
      ),
  }),
  reflection_due: template<{ name: string; cohort: string; week: number; due: string; link: string }>({
    label: "Reflection due soon",
    subject: (v) => `Your week ${v.week} reflection for ${v.cohort} is due soon`,
    body: (v) =>
      `Hi ${v.name},\n\nYour reflection for week ${v.week} is due ${v.due}. A few lines are enough: what you worked on, what you learned, what is blocking you.\n\nWrite it: ${v.link}\n`,
  }),
  reflection_missing: template<{ name: string; cohort: string; week: number; until: string; link: string }>({
    label: "Reflection missing",
    subject: (v) => `Your week ${v.week} reflection for ${v.cohort} is missing`,
    body: (v) =>
      `Hi ${v.name},\n\nWe have not received your reflection for week ${v.week}. You can still write it until ${v.until}; it will be marked late, and that is fine. Your navigator reads every one.\n\nWrite it: ${v.link}\n`,
  }),
  attention_digest: template<{ name: string; cohort: string; team: string; items: string[]; link: string }>({
    label: "Navigator's weekly digest",
    subject: (v) =>
      `${v.team}: ${v.items.length} ${v.items.length === 1 ? "thing needs" : "things need"} your attention`,
    body: (v) =>
      `Hi ${v.name},\n\nThis week in ${v.team} (${v.cohort}):\n\n${v.items.map((i) => `- ${i}`).join("\n")}\n\nOpen the team dashboard: ${v.link}\n`,
  }),
  reflection_help: template<{ participant: string; cohort: string; week: number; link: string }>({
    label: "Asked for help in a reflection",
    subject: (v) => `${v.participant} asked for help in their week ${v.week} reflection`,
    body: (v) =>
      `${v.participant} ticked “I need help” in their week ${v.week} reflection for ${v.cohort}.\n\nRead it and reply: ${v.link}\n`,
  }),
  reflection_reply: template<{
    author: string;
    cohort: string;
    week: number;
    link: string;
    /** "own": the reflection's author replied (to their guides); "to_you": someone replied to the author */
    direction: "own" | "to_you";
  }>({
    label: "Reply to a reflection",
    subject: (v) =>
      v.direction === "own"
        ? `${v.author} replied on their week ${v.week} reflection`
        : `${v.author} replied to your week ${v.week} reflection`,
    body: (v) =>
      v.direction === "own"
        ? `${v.author} wrote a reply under their week ${v.week} reflection for ${v.cohort}.\n\nRead it: ${v.link}\n`
        : `${v.author} replied to your week ${v.week} reflection for ${v.cohort}.\n\nRead the reply: ${v.link}\n`,
  }),
  check_in: template<{ name: string; navigator: string; cohort: string; why: string; link: string }>({
    label: "Check-in from a navigator",
    subject: (v) => `${v.navigator} is checking in on you in ${v.cohort}`,
    body: (v) =>
      `Hi ${v.name},\n\n${v.navigator} is checking in${v.why}. How is it going? Reply in your team's chat or in your next reflection; if you are stuck, tick “I need help”.\n\nYour week: ${v.link}\n`,
  }),
  officer_applied: template<{ name: string; cohort: string; role: string; link: string }>({
    label: "Thanks for volunteering (application received)",
    subject: (v) => `Thank you for volunteering as ${v.role} for ${v.cohort}`,
    body: (v) =>
      `Hi ${v.name},\n\nWe received your application to be a ${v.role} of ${v.cohort}. The organizers review every application and will write to you when they have decided.\n\nSee or change it until the call closes: ${v.link}\n`,
  }),
  officer_invitation: template<{
    name: string;
    pastCohort: string;
    cohort: string;
    weeklyHours: number | null;
    link: string;
  }>({
    label: "Invitation to volunteer as navigator or captain",
    subject: (v) => `Come back as a navigator or captain of ${v.cohort}`,
    body: (v) =>
      `Hi ${v.name},\n\nYou took part in ${v.pastCohort}. ${v.cohort} is looking for navigators and captains${v.weeklyHours ? ` (about ${v.weeklyHours} hours a week)` : ""}, and people who have been through a cohort make the best guides.\n\nApply: ${v.link}\n`,
  }),
  officer_selected: template<{
    name: string;
    cohort: string;
    role: string;
    team: string | null;
    link: string;
  }>({
    label: "Selected as navigator or captain",
    subject: (v) => `You are a ${v.role} of ${v.cohort}`,
    body: (v) =>
      `Hi ${v.name},\n\nThank you for volunteering. The organizers selected you as a ${v.role} of ${v.cohort}${v.team ? `, with ${v.team}` : ""}. Sign in to see ${v.team ? "your team" : "the cohort"}: ${v.link}\n`,
  }),
  officer_declined: template<{ name: string; cohort: string; role: string; link: string }>({
    label: "Not selected as volunteer (with thanks)",
    subject: (v) => `Thank you for volunteering for ${v.cohort}`,
    body: (v) =>
      `Hi ${v.name},\n\nThank you for offering your time to ${v.cohort}. We had more volunteers than places this time and could not select you as a ${v.role}. We would be glad to see you apply again for a later cohort.\n\n${v.link}\n`,
  }),
  evaluation_due: template<{
    name: string;
    cohort: string;
    round: string;
    /** the participant's own evaluation, or the navigator's about this participant */
    about: { participant: true } | { participant: false; name: string };
    due: string;
    link: string;
  }>({
    label: "Evaluation due",
    subject: (v) =>
      `${v.round} for ${v.cohort}: about ${v.about.participant ? "your team and navigator" : v.about.name}`,
    body: (v) =>
      `Hi ${v.name},\n\nThe ${v.round.toLowerCase()} of ${v.cohort} is open: a few questions about ${v.about.participant ? "your team, your navigator and what you are learning" : v.about.name}. It is due ${v.due}; you can save a draft and come back.\n\nWrite it: ${v.link}\n`,
  }),
  evaluation_shared: template<{ cohort: string; round: string; link: string }>({
    label: "Navigator's evaluation shared with you",
    subject: (v) => `Your navigator's ${v.round.toLowerCase()} is ready to read`,
    body: (v) =>
      `The organizers of ${v.cohort} shared your navigator's ${v.round.toLowerCase()} of your work with you.\n\nRead it: ${v.link}\n`,
  }),
  survey_open: template<{ name: string; cohort: string; until: string; link: string }>({
    label: "End-of-cohort survey open",
    subject: (v) => `How was ${v.cohort}? A short survey`,
    body: (v) =>
      `Hi ${v.name},\n\nThe organizers of ${v.cohort} would like to know how the cohort went for you: a few statements to agree or disagree with, and one question in your own words. It takes two minutes and is open until ${v.until}.\n\nAnswer it: ${v.link}\n\nResults are shown to the organizers only for groups of at least three people; your free-text answer is read by the organizers only.\n`,
  }),
  pull_excluded: template<{ pull: string; label: string; participant: string; url: string }>({
    label: "Pull request labelled spam or invalid upstream",
    subject: (v) => `${v.pull} was labelled ${v.label} upstream`,
    body: (v) =>
      `The maintainers labelled ${v.participant}'s pull request ${v.url} as "${v.label}". It no longer counts as a contribution of the cohort. Please talk it over with ${v.participant}.`,
  }),
} as const;

export type NoticeKind = keyof typeof NOTICE_TEMPLATES;
type VarsOf<K extends NoticeKind> = (typeof NOTICE_TEMPLATES)[K] extends Template<infer V> ? V : never;

/** The kind, subject and body of a notice, ready for `queueNotice`. */
export function noticeText<K extends NoticeKind>(
  kind: K,
  vars: VarsOf<K>,
): { kind: K; subject: string; bodyText: string } {
  const t = NOTICE_TEMPLATES[kind] as unknown as Template<VarsOf<K>>;
  return { kind, subject: t.subject(vars), bodyText: t.body(vars) };
}

/** Each kind of notice in words, for the pages that list notices. */
export function noticeKindLabel(kind: string): string {
  return (NOTICE_TEMPLATES as Record<string, { label: string }>)[kind]?.label ?? kind.replace(/[._]/g, " ");
}
