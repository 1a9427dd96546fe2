/**
 * The demo account the first start creates: it owns the sample novel, so a newcomer can sign in
 * and write at once. Printed by `npm start` and in the README; change its password or delete it
 * on a server others can reach.
 */
export const DEMO_ACCOUNT = {
  name: 'Demo Writer',
  email: 'demo@quire.local',
  password: 'write-together',
} as const;
