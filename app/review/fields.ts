// Names of the scoring form's fields, shared by the page and the server.
export const scoreField = (criterionId: string) => `c_${criterionId}`;
export const scoreCommentField = (criterionId: string) => `cc_${criterionId}`;
