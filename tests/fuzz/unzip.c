/* The parts of a ZIP archive, in memory (unzip.h). Only what libxlsxwriter
 * writes is read: one disk, no ZIP64, no encryption. */
#include "unzip.h"

#include "oracle.h"
#include "pveplan/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define EOCD_SIG 0x06054b50u
#define CDIR_SIG 0x02014b50u
#define LOCAL_SIG 0x04034b50u
#define PART_MAX (64u << 20)	/* a part larger than this is no workbook's */

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return le16(p) | le16(p + 2) << 16;
}

/* The part's bytes, inflated (or copied when stored); the caller frees them. */
static char *extract(const char *what, const unsigned char *zip, size_t len, uint32_t method,
		     const unsigned char *data, uint32_t csize, uint32_t usize)
{
	char *out = xmalloc((size_t)usize + 1);
	if (method == 0) {
		if (csize != usize)
			fz_fail(what, NULL, len, (size_t)(data - zip), "stored part with two sizes");
		memcpy(out, data, usize);
	} else if (method == 8) {
		z_stream z;
		memset(&z, 0, sizeof(z));
		if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
			pv_die_oom();
		z.next_in = (unsigned char *)(uintptr_t)data;
		z.avail_in = csize;
		z.next_out = (unsigned char *)out;
		z.avail_out = usize + 1;
		int r = inflate(&z, Z_FINISH);
		uLong got = z.total_out;
		inflateEnd(&z);
		if (r != Z_STREAM_END || got != usize)
			fz_fail(what, NULL, len, (size_t)(data - zip), "part does not inflate to its size");
	} else {
		fz_fail(what, NULL, len, (size_t)(data - zip), "part with an unknown method");
	}
	out[usize] = '\0';
	return out;
}

/* One entry of the central directory at `c`; returns the next entry. */
static const unsigned char *part(const char *what, const unsigned char *zip, size_t len,
				 const unsigned char *c, fz_zip_part_fn *each, void *ctx)
{
	const unsigned char *end = zip + len;
	if (end - c < 46 || le32(c) != CDIR_SIG)
		fz_fail(what, NULL, len, (size_t)(c - zip), "bad central directory entry");
	uint32_t flags = le16(c + 8), method = le16(c + 10), crc = le32(c + 16);
	uint32_t csize = le32(c + 20), usize = le32(c + 24), nlen = le16(c + 28);
	uint32_t xlen = le16(c + 30), clen = le16(c + 32), lho = le32(c + 42);
	if ((size_t)(end - c) < 46u + nlen + xlen + clen || flags & 1 || usize > PART_MAX ||
	    lho > len || len - lho < 30 || le32(zip + lho) != LOCAL_SIG)
		fz_fail(what, NULL, len, (size_t)(c - zip), "bad entry (encrypted, ZIP64 or outside)");
	const unsigned char *local = zip + lho;
	size_t data_at = lho + 30u + le16(local + 26) + le16(local + 28);
	if (data_at > len || len - data_at < csize)
		fz_fail(what, NULL, len, lho, "part outside the archive");
	char *name = xstrndup((const char *)c + 46, nlen);
	char *data = extract(what, zip, len, method, zip + data_at, csize, usize);
	if (crc32(0L, (const unsigned char *)data, usize) != crc)
		fz_fail(what, NULL, len, lho, "part with a wrong CRC-32");
	each(name, data, usize, ctx);
	free(name);
	free(data);
	return c + 46 + nlen + xlen + clen;
}

size_t fz_unzip(const char *what, const unsigned char *zip, size_t len, fz_zip_part_fn *each,
		void *ctx)
{
	const unsigned char *eocd = NULL;
	for (size_t i = len >= 22 ? len - 22 + 1 : 0; i-- > 0 && len - i <= 22u + 0xffffu;)
		if (le32(zip + i) == EOCD_SIG) {
			eocd = zip + i;
			break;
		}
	if (!eocd)
		fz_fail(what, NULL, len, 0, "no end of central directory");
	uint32_t n = le16(eocd + 10), size = le32(eocd + 12), at = le32(eocd + 16);
	if (le16(eocd + 4) || le16(eocd + 6) || n != le16(eocd + 8) || at > len || len - at < size)
		fz_fail(what, NULL, len, (size_t)(eocd - zip), "bad end of central directory");
	const unsigned char *c = zip + at;
	for (uint32_t i = 0; i < n; i++)
		c = part(what, zip, len, c, each, ctx);
	if (c != zip + at + size)
		fz_fail(what, NULL, len, (size_t)(c - zip), "central directory of another size");
	return n;
}
