/* The clock, with SOURCE_DATE_EPOCH honoured: outputs that carry a time or
 * depend on today stay reproducible. */
#include "pveplan/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

long long pv_now(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	long long t;
	char *end;
	if (e && *e && (t = strtoll(e, &end, 10), !*end) && t >= 0)
		return t;
	return (long long)time(NULL);
}

int32_t pv_policy_today(void)
{
	return (int32_t)(pv_now() / 86400);
}

void pv_format_timestamp(long long t, char out[32])
{
	long long days = t / 86400, secs = t % 86400;
	/* Civil date from days (Howard Hinnant's algorithm). */
	long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long long m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", (int)((y + (m <= 2)) % 10000),
		 (int)(m % 100), (int)(d % 100), (int)(secs / 3600 % 100), (int)(secs / 60 % 60),
		 (int)(secs % 60));
}
