// Addresses of the volunteer pages (used by pages in the browser as well as the server).
export const volunteerPath = (slug: string) => `/cohorts/${slug}/volunteer`;
export const officersPath = (slug: string, id?: string) =>
  id ? `/cohorts/${slug}/officers/${id}` : `/cohorts/${slug}/officers`;
