import { oneAtATime } from '../http/oneAtATime';

/** Runs a search for a writer, or answers 429 if one of theirs is still running (searches run in the app's own process, each under a time limit). */
export const oneSearchAtATime = oneAtATime('Your previous search is still running; it is asked again in a moment.');
