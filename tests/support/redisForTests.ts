import { startRedisServer, type RedisServer } from '../../scripts/redisServer';
import { stopWhenDone, type TestScope } from './testScope';

/** Starts a throwaway Redis (free port, no persistence) that is stopped when `scope` ends. */
export async function startTestRedis(scope: TestScope): Promise<RedisServer> {
  const redis = await startRedisServer();
  stopWhenDone(scope, `redis on port ${redis.port}`, () => redis.stop());
  return redis;
}
