/** The people of the two institutions' user guides (shared/seeds), as the browser specs create them. */
export const JULIE = {
  username: 'tremj',
  firstName: 'Julie',
  lastName: 'Tremblay',
  email: 'julie.tremblay@cegepsi.ca',
} as const;

/** Montérégie's guide: an employee who has not enrolled yet (no password). */
export const MARIE = {
  username: 'gagm0001',
  firstName: 'Marie',
  lastName: 'Gagnon',
  email: 'marie.gagnon@ssss.gouv.qc.ca',
} as const;
