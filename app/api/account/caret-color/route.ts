import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../../server/db';
import { apiUser } from '../../../../server/auth/apiUser';
import { HttpError } from '../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../server/http/jsonRoute';
import { isWriterColor } from '@model/identity/writerColors';

const CaretColor = z.object({ color: z.string().refine(isWriterColor, 'Choose one of the caret colours Quire offers.') });

/** PUT /api/account/caret-color `{ color }`: the signed-in writer's caret colour, kept with the account. */
export const PUT = jsonRoute(async (request: Request) => {
  const user = await apiUser();
  const parsed = CaretColor.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send { "color": "#rrggbb" }.');
  await db.user.update({ where: { id: user.id }, data: { caretColor: parsed.data.color } });
  return NextResponse.json({ color: parsed.data.color });
});
