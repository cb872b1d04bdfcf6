// An area code in a path (`[code=areacode]`): GM0164, WK016402, BU01640202 or a stadsdeel SD0153-noord.
import type { ParamMatcher } from '@sveltejs/kit';
import { AREA_CODE } from '$lib/domain/areas';

export const match = ((param: string): param is string => AREA_CODE.test(param)) satisfies ParamMatcher;
