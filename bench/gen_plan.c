/*
 * gen_plan: print a synthetic, valid pveplan plan (format 1) at a given scale.
 *
 *   gen_plan SCALE [SEED]
 *
 * Scale 1 gives 100 actions and 50 capacity needs (about 140 KB); scale 100
 * gives 10,000 actions and 5,000 needs (about 12.9 MB). Also per scale unit:
 * 2 stakeholders (plus 20), 12.5 objectives with 2 indicators each, and one
 * priority per 2 units (plus 6). The output depends only on SCALE and SEED:
 * the generator has its own PRNG (splitmix64), never rand(). The plan goes to
 * stdout; one line of counts goes to stderr.
 *
 * Every id is unique in the file and every reference resolves to the right
 * kind (stakeholder, indicator or action), so `pveplan check` must report no
 * FMT or REF error on it. Only libc is used.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- output */

static char obuf[1 << 16];
static size_t olen;
static unsigned long long ototal;

static void flush_out(void)
{
	if (olen && fwrite(obuf, 1, olen, stdout) != olen) {
		perror("gen_plan: write");
		exit(3);
	}
	olen = 0;
}

static void out(const char *s, size_t n)
{
	ototal += n;
	if (n > sizeof(obuf) - olen) {
		flush_out();
		if (n > sizeof(obuf)) {
			if (fwrite(s, 1, n, stdout) != n) {
				perror("gen_plan: write");
				exit(3);
			}
			return;
		}
	}
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

static void indent(int n)
{
	static const char sp[] = "                                        ";
	out(sp, (size_t)n);
}

/* Formatted line: `n` spaces, the text, a newline. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void line(int n, const char *fmt, ...);

static void line(int n, const char *fmt, ...)
{
	char b[1024];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(b, sizeof(b), fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= sizeof(b)) {
		fprintf(stderr, "gen_plan: internal error: line too long\n");
		exit(3);
	}
	indent(n);
	out(b, (size_t)len);
	out("\n", 1);
}

/* Can `s` be written as a plain scalar that YAML reads back as this string? */
static int plain_ok(const char *s)
{
	static const char *const reserved[] = {
		"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
	};
	size_t n = strlen(s), i;

	if (n == 0 || strchr("-?:,[]{}#&*!|>'\"%@` ", s[0]))
		return 0;
	if ((s[0] >= '0' && s[0] <= '9') || s[0] == '+' || s[0] == '.')
		return 0;
	if (s[n - 1] == ' ' || s[n - 1] == ':')
		return 0;
	if (strstr(s, ": ") || strstr(s, " #"))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return 0;
	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
		const char *r = reserved[i];
		size_t j;

		if (strlen(r) != n)
			continue;
		for (j = 0; j < n; j++)
			if ((s[j] | 0x20) != r[j])
				break;
		if (j == n)
			return 0;
	}
	return 1;
}

/* Writes `s` as a YAML scalar: plain when safe, else double-quoted. */
static void scalar(const char *s)
{
	if (plain_ok(s)) {
		outs(s);
		return;
	}
	out("\"", 1);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			out("\\", 1);
			out(s, 1);
		} else if (*s == '\n') {
			out("\\n", 2);
		} else {
			out(s, 1);
		}
	}
	out("\"", 1);
}

/* `key: scalar`, or `- key: scalar` when `item` is set. */
static void kv(int n, const char *key, const char *val)
{
	indent(n);
	outs(key);
	out(": ", 2);
	scalar(val);
	out("\n", 1);
}

static void item_kv(int n, const char *key, const char *val)
{
	indent(n);
	out("- ", 2);
	outs(key);
	out(": ", 2);
	scalar(val);
	out("\n", 1);
}

static void item(int n, const char *val)
{
	indent(n);
	out("- ", 2);
	scalar(val);
	out("\n", 1);
}

/* ------------------------------------------------------------------ PRNG */

static uint64_t rng;

static uint64_t next64(void)
{
	uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned rn(unsigned n)
{
	return (unsigned)(next64() % n);
}

/* Uniform in [lo, hi]. */
static unsigned rrange(unsigned lo, unsigned hi)
{
	return lo + rn(hi - lo + 1);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rn((unsigned)COUNT(a))])

/* ----------------------------------------------------------- vocabulary */

enum sector {
	S_GOVERNMENT, S_PARLIAMENT, S_JUDICIARY, S_SECURITY, S_LOCAL_GOVERNMENT,
	S_CIVIL_SOCIETY, S_YOUTH, S_WOMEN, S_RELIGIOUS, S_TRADITIONAL,
	S_ACADEMIA, S_MEDIA, S_PRIVATE_SECTOR, S_VICTIMS, S_UN_ENTITY,
	S_REGIONAL_BODY, S_INTERNATIONAL_ORG, S_DONOR, NSECTORS
};

static const char *const sector_key[NSECTORS] = {
	"government", "parliament", "judiciary", "security", "local_government",
	"civil_society", "youth", "women", "religious", "traditional",
	"academia", "media", "private_sector", "victims", "un_entity",
	"regional_body", "international_org", "donor",
};

struct namepool {
	const char *const *names;
	unsigned n;
	const char *role;
	const char *level;
};

static const char *const n_gov[] = {
	"National Committee for the Prevention of Violent Extremism",
	"Ministry of Interior", "Ministry of Education",
	"Ministry of Youth and Sports", "Ministry of Religious Affairs",
	"Ministry of Women, Family and Children", "Ministry of Justice",
	"Ministry of Information and Communication",
	"Ministry of Labour and Vocational Training",
	"Ministry of Finance and Planning", "National Statistics Office",
	"Ministry of Social Affairs and Solidarity",
};
static const char *const n_parl[] = {
	"National Assembly Committee on Defence and Security",
	"Parliamentary Caucus on Youth and Peace",
	"Senate Committee on Human Rights",
};
static const char *const n_jud[] = {
	"Supreme Council of the Judiciary", "Office of the Public Prosecutor",
	"National Judicial Training Institute",
};
static const char *const n_sec[] = {
	"National Police", "Directorate of Prison Administration",
	"National Gendarmerie", "Border Police Directorate",
};
static const char *const n_local[] = {
	"Association of Municipalities", "Governorate of the Northern Province",
	"Municipal Council of the Capital District",
	"Governorate of the Eastern Province", "District Council of Riverside",
};
static const char *const n_cso[] = {
	"Network of Civil Society Organisations for Peace",
	"Citizens' Dialogue Forum", "Human Rights League",
	"Association for Legal Aid and Justice", "Community Resilience Alliance",
	"Centre for Democracy and Development",
};
static const char *const n_youth[] = {
	"National Youth Council", "Young Peacebuilders Network",
	"University Students' Union", "Scouts and Guides Association",
};
static const char *const n_women[] = {
	"Women's Peace Network", "Association of Women Lawyers",
	"Mothers for Peace", "Federation of Rural Women's Cooperatives",
};
static const char *const n_rel[] = {
	"Council of Religious Leaders", "Inter-faith Council for Peace",
	"Association of Imams and Preachers", "Council of Churches",
};
static const char *const n_trad[] = {
	"Council of Traditional Chiefs", "Forum of Customary Authorities",
};
static const char *const n_acad[] = {
	"National University Centre for Peace Studies",
	"Institute for Security Studies", "Social Research Institute",
};
static const char *const n_media[] = {
	"Union of Journalists", "Community Radio Network", "Press Council",
	"Fact-checking Collective",
};
static const char *const n_priv[] = {
	"Chamber of Commerce and Industry", "Employers' Federation",
	"Association of Telecommunications Operators",
};
static const char *const n_vict[] = {
	"Association of Victims of Terrorism", "Survivors' Support Network",
};
static const char *const n_un[] = {
	"United Nations Development Programme (UNDP)",
	"United Nations Office of Counter-Terrorism (UNOCT)",
	"United Nations Educational, Scientific and Cultural Organization (UNESCO)",
	"UN Women", "United Nations Children's Fund (UNICEF)",
	"United Nations Office on Drugs and Crime (UNODC)",
};
static const char *const n_reg[] = {
	"Regional Centre of Excellence on Preventing Violent Extremism",
	"Regional Economic Community Commission",
};
static const char *const n_intl[] = {
	"International Organization for Migration (IOM)",
	"Global Community Engagement and Resilience Fund (GCERF)",
	"Hedayah International Centre of Excellence",
};
static const char *const n_donor[] = {
	"European Union Delegation", "Peacebuilding Fund",
	"Bilateral Development Cooperation Agency", "Foundation for Open Societies",
};

#define POOL(a, role, level) { a, (unsigned)COUNT(a), role, level }
static const struct namepool pools[NSECTORS] = {
	POOL(n_gov, "Policy lead and implementation", "national"),
	POOL(n_parl, "Legislative oversight and budget approval", "national"),
	POOL(n_jud, "Rule of law and fair trial guarantees", "national"),
	POOL(n_sec, "Rights-based community security", "national"),
	POOL(n_local, "Local implementation and community engagement", "local"),
	POOL(n_cso, "Community outreach, monitoring and advocacy", "subnational"),
	POOL(n_youth, "Youth participation and peer outreach", "national"),
	POOL(n_women, "Women's participation and gender analysis", "national"),
	POOL(n_rel, "Religious dialogue and counter-messaging", "national"),
	POOL(n_trad, "Customary conflict resolution", "local"),
	POOL(n_acad, "Research, evidence and evaluation", "national"),
	POOL(n_media, "Conflict-sensitive information", "national"),
	POOL(n_priv, "Employment and technology partnerships", "national"),
	POOL(n_vict, "Voice and support for victims", "national"),
	POOL(n_un, "Technical assistance on request", "national"),
	POOL(n_reg, "Regional coordination and exchange", "regional"),
	POOL(n_intl, "Technical and financial support", "regional"),
	POOL(n_donor, "Financial partner", "national"),
};

/* Sectors of the stakeholders beyond the first 18, weighted. */
static const enum sector extra_sectors[] = {
	S_CIVIL_SOCIETY, S_LOCAL_GOVERNMENT, S_GOVERNMENT, S_YOUTH, S_WOMEN,
	S_CIVIL_SOCIETY, S_RELIGIOUS, S_LOCAL_GOVERNMENT, S_YOUTH, S_MEDIA,
	S_ACADEMIA, S_CIVIL_SOCIETY, S_TRADITIONAL, S_DONOR, S_UN_ENTITY,
	S_SECURITY, S_WOMEN, S_PRIVATE_SECTOR, S_INTERNATIONAL_ORG, S_VICTIMS,
	S_JUDICIARY, S_REGIONAL_BODY,
};

static const char *const provinces[] = {
	"Northern", "Eastern", "Coastal", "Lakes", "Highlands", "Riverside",
	"Central", "Western", "Southern", "Plateau", "Delta", "Savannah",
};

enum area {
	A_DIALOGUE, A_GOVERNANCE, A_COMMUNITIES, A_YOUTH, A_GENDER,
	A_EDUCATION, A_COMMUNICATIONS, NAREAS
};

static const char *const area_key[NAREAS] = {
	"dialogue", "governance", "communities", "youth", "gender",
	"education", "communications",
};

static const char *const priority_titles[NAREAS][3] = {
	{ "Dialogue and conflict prevention",
	  "Local peace infrastructure and early warning",
	  "Mediation and social cohesion" },
	{ "Good governance, human rights and the rule of law",
	  "Accountable justice and security institutions",
	  "Rehabilitation and reintegration within the law" },
	{ "Engaging communities", "Resilient communities",
	  "Support to victims and affected communities" },
	{ "Empowering youth", "Youth participation in public life",
	  "Economic opportunities for young people" },
	{ "Gender equality and empowering women",
	  "Women's leadership in prevention", "Gender-sensitive programming" },
	{ "Education, skills development and employment facilitation",
	  "Schools as safe spaces", "Skills for work" },
	{ "Strategic communications, the Internet and social media",
	  "Alternative narratives", "Media and digital literacy" },
};

static const char *const objective_titles[NAREAS][4] = {
	{ "Local disputes are resolved peacefully before they escalate",
	  "Trust between communities and local authorities is strengthened",
	  "Early warning signals reach responders in time",
	  "Religious and traditional leaders work together for coexistence" },
	{ "Security and justice institutions respect human rights",
	  "Counter-terrorism law complies with international human rights law",
	  "Detainees have access to legal aid and fair trial guarantees",
	  "Citizens see public services as fair and responsive" },
	{ "Communities design and lead their own prevention initiatives",
	  "Returnees and their families are reintegrated",
	  "Victims of terrorism receive support and are heard",
	  "Community-police relations are based on trust" },
	{ "Young people take part in local decision-making",
	  "Young people have access to decent work",
	  "Youth-led peace initiatives are funded and visible",
	  "Youth organisations have the capacity to act" },
	{ "Women take part in prevention and mediation",
	  "The gendered drivers of violent extremism are understood",
	  "Women in at-risk areas are economically empowered",
	  "Security institutions recruit and retain women" },
	{ "Schools teach critical thinking and respect for diversity",
	  "Teachers can address sensitive issues in class",
	  "Vocational training matches local labour demand",
	  "Out-of-school youth return to learning" },
	{ "Alternative narratives reach audiences at risk",
	  "Young people recognise disinformation and hate speech",
	  "Media report on violent extremism responsibly",
	  "Online hate speech is addressed under the law" },
};

struct activity {
	const char *title;
	const char *verb;
};

static const struct activity activities[NAREAS][6] = {
	{ { "Community dialogue forums",
	    "Convene regular community dialogue forums bringing together local authorities, elders, women and young people" },
	  { "Early warning and response network",
	    "Set up a community-based early warning and response network linked to district peace committees" },
	  { "Mediation training for local leaders",
	    "Train local leaders and women mediators in conflict analysis, mediation and referral" },
	  { "Inter-faith dialogue platform",
	    "Support a standing inter-faith dialogue platform with joint statements, school visits and community events" },
	  { "Revitalised peace committees",
	    "Revitalise district peace committees and give them a small grants facility for local initiatives" },
	  { "Cross-border dialogue",
	    "Organise cross-border dialogue sessions between pastoralist and farming communities" } },
	{ { "Human rights training for law enforcement",
	    "Deliver human rights and community policing training to police and gendarmerie units" },
	  { "Legal aid for detainees",
	    "Provide free legal aid to pre-trial detainees held on terrorism-related charges" },
	  { "Review of counter-terrorism legislation",
	    "Review counter-terrorism legislation with parliament and civil society to align it with international human rights law" },
	  { "Prison disengagement programme",
	    "Pilot a voluntary disengagement and rehabilitation programme in two prisons, with follow-up after release" },
	  { "Independent complaints mechanism",
	    "Establish an independent mechanism that receives and follows up complaints of abuse by security forces" },
	  { "Citizen scorecards on local services",
	    "Introduce citizen scorecards on local service delivery and publish the results every year" } },
	{ { "Community resilience grants",
	    "Award small grants to community-based organisations for resilience projects chosen by residents" },
	  { "Reintegration support for returnees",
	    "Provide psychosocial support, vocational training and community reconciliation for returnees and their families" },
	  { "Community-police councils",
	    "Create joint community-police councils that meet every month and publish their decisions" },
	  { "Support to victims of terrorism",
	    "Provide medical, psychosocial and legal support to victims of terrorism and involve them in prevention work" },
	  { "Engagement of traditional leaders",
	    "Engage traditional and customary authorities in identifying and addressing local grievances" },
	  { "Sport and culture for cohesion",
	    "Run sport and cultural events that bring together young people from different communities" } },
	{ { "Youth leadership programme",
	    "Run a youth leadership and civic engagement programme with mentoring by local role models" },
	  { "Municipal youth councils",
	    "Establish municipal youth advisory councils with a say in local budget decisions" },
	  { "Youth-led peace initiatives",
	    "Fund youth-led peacebuilding initiatives selected by a panel of young people" },
	  { "Apprenticeships and start-up support",
	    "Provide apprenticeships, business training and start-up kits to unemployed young people" },
	  { "Youth, peace and security training",
	    "Train young people and officials on resolution 2250 and on youth participation in decision-making" },
	  { "Youth centres as safe spaces",
	    "Rehabilitate youth centres and run them as safe spaces with trained animators" } },
	{ { "Network of women mediators",
	    "Build and support a network of women mediators at district level" },
	  { "Gender analysis of drivers",
	    "Conduct a gender analysis of the drivers of violent extremism and of recruitment pathways" },
	  { "Economic empowerment of women",
	    "Support women's savings groups and income-generating activities in at-risk communities" },
	  { "Women in the security sector",
	    "Increase the recruitment, retention and promotion of women in the police and prison services" },
	  { "Mothers' schools",
	    "Run mothers' schools that help parents recognise and respond to early signs of radicalization" },
	  { "Women's leadership in local councils",
	    "Train women candidates and councillors and support their participation in local peace committees" } },
	{ { "Civic education curriculum",
	    "Integrate civic education, critical thinking and respect for diversity into the secondary curriculum" },
	  { "Teacher training",
	    "Train teachers to facilitate classroom discussions on sensitive issues and to refer students who need support" },
	  { "Vocational training centres",
	    "Expand vocational training centres with courses matched to local labour-market demand" },
	  { "Partnerships with religious schools",
	    "Partner with religious schools to add life skills, languages and vocational modules" },
	  { "Second-chance education",
	    "Offer second-chance education and literacy classes to out-of-school young people" },
	  { "School safety plans",
	    "Help school boards adopt safety and inclusion plans developed with parents and pupils" } },
	{ { "Alternative narratives campaign",
	    "Co-produce alternative narratives with young people, survivors and religious leaders for social media" },
	  { "Digital and media literacy",
	    "Train young people and teachers in digital and media literacy to recognise disinformation and hate speech" },
	  { "Community radio programmes",
	    "Broadcast weekly community radio programmes in local languages on peaceful coexistence" },
	  { "Conflict-sensitive journalism",
	    "Train journalists and editors in conflict-sensitive reporting on terrorism and violent extremism" },
	  { "Response to online hate speech",
	    "Set up a rights-based mechanism with platforms and civil society to flag and respond to online hate speech" },
	  { "Government strategic communication",
	    "Train government spokespersons to communicate about the plan transparently and without stigmatising communities" } },
};

static const enum sector area_leads[NAREAS][4] = {
	{ S_LOCAL_GOVERNMENT, S_RELIGIOUS, S_CIVIL_SOCIETY, S_TRADITIONAL },
	{ S_JUDICIARY, S_SECURITY, S_GOVERNMENT, S_PARLIAMENT },
	{ S_LOCAL_GOVERNMENT, S_CIVIL_SOCIETY, S_VICTIMS, S_GOVERNMENT },
	{ S_YOUTH, S_GOVERNMENT, S_CIVIL_SOCIETY, S_LOCAL_GOVERNMENT },
	{ S_WOMEN, S_GOVERNMENT, S_CIVIL_SOCIETY, S_SECURITY },
	{ S_GOVERNMENT, S_ACADEMIA, S_RELIGIOUS, S_PRIVATE_SECTOR },
	{ S_MEDIA, S_YOUTH, S_GOVERNMENT, S_PRIVATE_SECTOR },
};

static const char *const purposes[] = {
	"so that grievances are heard and addressed before they can be exploited",
	"in order to strengthen trust between communities and the State",
	"to give people at risk credible alternatives to violence",
	"building on the findings of the national assessment",
	"with particular attention to remote and underserved areas",
	"to reduce the space available to violent extremist recruiters",
	"in line with the whole-of-society approach of the plan",
};

static const char *const follow_ups[] = {
	"Sessions are held in local languages and are accessible to persons with disabilities.",
	"Results are reviewed every six months with the participants and adjusted where needed.",
	"A baseline survey is conducted before the activity starts.",
	"Lessons are documented and shared through the coordination committee.",
	"Materials are adapted from the pilot conducted in 2023.",
};

static const char *const safeguards[] = {
	"Participation is voluntary and based on informed consent.",
	"No personal data is shared with security or intelligence services.",
	"A confidential complaint mechanism is available to all participants.",
	"Selection criteria are public and non-discriminatory.",
	"Activities are reviewed against do-no-harm criteria before they start.",
	"Participants are not profiled on the basis of religion or ethnicity.",
	"Freedom of expression and of religion is respected in all content.",
};

static const char *const target_groups[] = {
	"youth", "women", "children", "returnees", "detainees", "victims",
	"religious_leaders", "teachers", "media", "security_forces",
	"local_communities", "general_public", "officials", "former_combatants",
};

static const char *const area_targets[NAREAS][3] = {
	{ "local_communities", "religious_leaders", "youth" },
	{ "security_forces", "detainees", "officials" },
	{ "local_communities", "returnees", "victims" },
	{ "youth", "former_combatants", "officials" },
	{ "women", "security_forces", "local_communities" },
	{ "children", "teachers", "youth" },
	{ "general_public", "media", "youth" },
};

static const char *const need_kinds[] = {
	"training", "technical_assistance", "legal_drafting", "research",
	"equipment", "institutional", "coordination", "funding", "monitoring",
};

static const char *const need_texts[] = {
	"Trainers qualified to deliver the curriculum at district level",
	"Technical advice on designing a rights-based referral mechanism",
	"Expertise to draft implementing regulations in line with human rights law",
	"A study of local drivers and recruitment patterns to target the activity",
	"Basic equipment and connectivity for the implementing teams",
	"A dedicated unit with clear terms of reference and staff",
	"A functioning coordination mechanism between ministries and local actors",
	"Seed funding for the first year of implementation",
	"A data collection system to follow the indicators of the activity",
};

static const char *const indicator_names[] = {
	"Share of respondents who trust local authorities",
	"Number of community initiatives funded",
	"Number of people trained",
	"Share of participants who are women",
	"Number of disputes resolved through local mechanisms",
	"Share of young people taking part in local decision-making",
	"Number of complaints received and followed up",
	"Share of schools applying the revised curriculum",
	"Number of returnees receiving reintegration support",
	"Reach of alternative narrative content",
};

static const char *const indicator_units[] = {
	"percent", "number", "people", "percent", "cases", "percent",
	"complaints", "percent", "people", "views",
};

static const char *const indicator_sources[] = {
	"Annual perception survey", "Programme monitoring records",
	"Training attendance lists", "National Statistics Office household survey",
	"Administrative data of the lead ministry", "Independent evaluation",
};

/* ------------------------------------------------------------- model */

struct stakeholder {
	enum sector sector;
	int branch;		/* a provincial branch of a national body */
	char name[160];
};

static struct stakeholder *sh;
static unsigned nsh;
static unsigned *by_sector[NSECTORS];
static unsigned nby_sector[NSECTORS];

static unsigned scale;
static unsigned long long seed = 1;
static unsigned long nactions, nobjectives, npriorities, nindicators;
static unsigned long nneeds_action, nneeds_top;

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p) {
		fprintf(stderr, "gen_plan: out of memory\n");
		exit(3);
	}
	return p;
}

static void sh_id(char *b, size_t n, unsigned i)
{
	snprintf(b, n, "SH-%04u", i + 1);
}

static void ind_id(char *b, size_t n, unsigned long i)
{
	snprintf(b, n, "IND-%05lu", i + 1);
}

/* Actions of objective j are [j*A/O, (j+1)*A/O); objectives of priority i
 * are [i*O/P, (i+1)*O/P). */
static unsigned long first_action(unsigned long obj)
{
	return (unsigned long)((unsigned long long)obj * nactions / nobjectives);
}

static unsigned long first_objective(unsigned long pri)
{
	return (unsigned long)((unsigned long long)pri * nobjectives / npriorities);
}

static unsigned long objective_of_action(unsigned long a)
{
	unsigned long j = (unsigned long)((unsigned long long)a * nobjectives / nactions);

	while (j + 1 < nobjectives && first_action(j + 1) <= a)
		j++;
	while (first_action(j) > a)
		j--;
	return j;
}

static unsigned long priority_of_objective(unsigned long o)
{
	unsigned long i = (unsigned long)((unsigned long long)o * npriorities / nobjectives);

	while (i + 1 < npriorities && first_objective(i + 1) <= o)
		i++;
	while (first_objective(i) > o)
		i--;
	return i;
}

static void objective_id(char *b, size_t n, unsigned long o)
{
	unsigned long p = priority_of_objective(o);

	snprintf(b, n, "P%02lu.O%02lu", p + 1, o - first_objective(p) + 1);
}

static void action_id(char *b, size_t n, unsigned long a)
{
	char ob[32];
	unsigned long o = objective_of_action(a);

	objective_id(ob, sizeof(ob), o);
	snprintf(b, n, "%s.A%02lu", ob, a - first_action(o) + 1);
}

static unsigned pick_sector(enum sector s)
{
	return by_sector[s][rn(nby_sector[s])];
}

static void build_stakeholders(void)
{
	unsigned i, count[NSECTORS] = { 0 };

	nsh = 20 + 2 * scale;
	sh = xcalloc(nsh, sizeof(*sh));
	for (i = 0; i < NSECTORS; i++)
		by_sector[i] = xcalloc(nsh, sizeof(unsigned));
	for (i = 0; i < nsh; i++) {
		enum sector s = i < NSECTORS ? (enum sector)i
			: extra_sectors[(i - NSECTORS) % COUNT(extra_sectors)];
		const struct namepool *p = &pools[s];
		unsigned k = count[s]++;

		sh[i].sector = s;
		if (k < p->n)
			snprintf(sh[i].name, sizeof(sh[i].name), "%s", p->names[k]);
		else {
			sh[i].branch = 1;
			snprintf(sh[i].name, sizeof(sh[i].name), "%s (%s Province)",
				 p->names[k % p->n],
				 provinces[(k / p->n + k) % COUNT(provinces)]);
		}
		by_sector[s][nby_sector[s]++] = i;
	}
}

/* A stakeholder not among the `n` in `taken`. */
static unsigned pick_distinct(const unsigned *taken, unsigned n)
{
	unsigned p, j;

	do {
		p = rn(nsh);
		for (j = 0; j < n && taken[j] != p; j++)
			;
	} while (j < n);
	return p;
}

/* ------------------------------------------------------------ sections */

static const char *month_days(unsigned y, unsigned m)
{
	static const char *const d[] = { "31", "28", "31", "30", "31", "30",
					 "31", "31", "30", "31", "30", "31" };
	if (m == 2 && y % 4 == 0)
		return "29";
	return d[m - 1];
}

static void emit_header(void)
{
	outs("# SYNTHETIC PLAN: generated by pveplan's bench/gen_plan for performance\n"
	     "# measurement only. Country XE, every organisation, place, figure and\n"
	     "# finding below is invented; nothing here describes a real plan.\n");
	line(0, "# scale %u, seed %llu: %lu actions, %lu capacity needs",
	     scale, seed, nactions, nneeds_action + nneeds_top);
	outs("pveplan: 1\n"
	     "x-generator: bench/gen_plan\n"
	     "plan:\n");
	line(2, "id: XE-NAP-PVE-2025-S%u", scale);
	outs("  title:\n"
	     "    en: National Plan of Action to Prevent Violent Extremism 2025-2029 (synthetic)\n"
	     "    fr: Plan d'action national de prévention de l'extrémisme violent 2025-2029 (synthétique)\n"
	     "  scope: national\n"
	     "  country: XE\n"
	     "  language: en\n"
	     "  period:\n"
	     "    start: 2025-01-01\n"
	     "    end: 2029-12-31\n"
	     "  status: draft\n"
	     "  version: \"0.3\"\n"
	     "  currency: USD\n"
	     "  summary: >-\n"
	     "    A synthetic whole-of-government and whole-of-society plan used to\n"
	     "    measure the speed and memory use of pveplan on large inputs.\n"
	     "  references:\n"
	     "    - A/RES/70/291\n"
	     "    - A/70/674\n"
	     "    - A/RES/60/288\n"
	     "    - S/RES/2250 (2015)\n");
}

static void emit_coordination(void)
{
	char id[32];

	sh_id(id, sizeof(id), 0);
	outs("coordination:\n");
	kv(2, "body", id);
	outs("  mandate: >-\n"
	     "    Steers, coordinates and monitors the implementation of the plan, convenes\n"
	     "    the ministries, local authorities and civil society, and reports to the\n"
	     "    Prime Minister's Office twice a year.\n"
	     "  meets: quarterly\n"
	     "  focal_point:\n"
	     "    name: Amina Diallo-Rahman\n"
	     "    role: Head of the PVE Coordination Secretariat\n"
	     "    email: focal.point@pve.gov.example\n");
}

static void emit_context(void)
{
	static const char *const kinds[] = { "structural", "individual", "enabling" };
	static const char *const drivers[3][4] = {
		{ "Persistent youth unemployment and lack of economic prospects in border provinces",
		  "Perceived marginalisation of some communities in access to public services",
		  "Weak presence of the State and of justice institutions in remote districts",
		  "Unresolved local land and resource disputes" },
		{ "Search for identity, belonging and purpose among young people",
		  "Personal experience of abuse or humiliation by officials",
		  "Desire for revenge after the loss of relatives in violence",
		  "Material incentives offered by armed groups" },
		{ "Online recruitment through closed messaging groups",
		  "Circulation of small arms across porous borders",
		  "Charismatic recruiters active in informal schools and markets",
		  "Financing through illicit trafficking networks" },
	};
	unsigned i, ndrivers = 9 + 3 * (scale / 10);

	outs("context:\n"
	     "  assessment: >-\n"
	     "    National assessment of the drivers of violent extremism (2024), combining a\n"
	     "    household perception survey in twelve provinces, focus groups with young\n"
	     "    people and women, and interviews with returnees and local authorities.\n"
	     "  sources:\n"
	     "    - National perception survey on peace and security, 2024\n"
	     "    - \"Journey to extremism: interviews with returnees (National University, 2023)\"\n"
	     "    - Labour force survey, National Statistics Office, 2023\n"
	     "  conflict_affected: false\n"
	     "  drivers:\n");
	for (i = 0; i < ndrivers; i++) {
		char id[32];

		snprintf(id, sizeof(id), "DR-%02u", i + 1);
		item_kv(4, "id", id);
		kv(6, "kind", kinds[i % 3]);
		if (i < 12)
			kv(6, "description", drivers[i % 3][i / 3]);
		else {
			char d[256];

			snprintf(d, sizeof(d), "%s, as observed in the %s Province",
				 drivers[i % 3][(i / 3) % 4], provinces[i % COUNT(provinces)]);
			kv(6, "description", d);
		}
	}
	outs("  levels:\n"
	     "    - national\n"
	     "    - subnational\n"
	     "    - local\n");
}

static void emit_stakeholders(void)
{
	unsigned i;

	outs("stakeholders:\n");
	for (i = 0; i < nsh; i++) {
		char id[32];
		const struct namepool *p = &pools[sh[i].sector];

		sh_id(id, sizeof(id), i);
		item_kv(2, "id", id);
		kv(4, "name", sh[i].name);
		kv(4, "sector", sector_key[sh[i].sector]);
		kv(4, "role", i == 0 ? "Coordination body of the plan" : p->role);
		kv(4, "level", sh[i].branch && !strcmp(p->level, "national")
		   ? "subnational" : p->level);
	}
}

static void emit_consultations(void)
{
	static const char *const kinds[] = { "workshop", "survey", "hearing",
					     "bilateral", "online", "workshop" };
	unsigned i, n = 6 + scale / 2;

	outs("consultations:\n");
	for (i = 0; i < n; i++) {
		unsigned k, np = rrange(5, 14), month = 2 + (i * 9) / n, who[14];
		char b[256];
		const char *kind = i == n - 1 ? "validation" : kinds[i % COUNT(kinds)];
		const char *prov = provinces[i % COUNT(provinces)];

		line(2, "- date: 2024-%02u-%02u", month, rrange(1, 28));
		kv(4, "kind", kind);
		if (i == n - 1)
			snprintf(b, sizeof(b), "National validation workshop of the draft plan");
		else
			snprintf(b, sizeof(b), "Consultation %u with stakeholders of the %s Province",
				 i + 1, prov);
		kv(4, "title", b);
		outs("    participants:\n");
		/* A public body and a non-governmental one in every one. */
		who[0] = i % 2 ? pick_sector(S_LOCAL_GOVERNMENT) : 0;
		who[1] = pick_sector(i % 3 == 0 ? S_YOUTH : i % 3 == 1 ? S_WOMEN
				     : S_CIVIL_SOCIETY);
		for (k = 2; k < np; k++)
			who[k] = pick_distinct(who, k);
		for (k = 0; k < np; k++) {
			sh_id(b, sizeof(b), who[k]);
			item(6, b);
		}
		line(4, "women_share: 0.%02u", rrange(30, 55));
		line(4, "youth_share: 0.%02u", rrange(20, 45));
		snprintf(b, sizeof(b), "%s, %s Province",
			 i % 2 ? "Provincial capital" : "District hall", prov);
		kv(4, "location", b);
	}
}

/* A capacity need; `aidx` is the action it belongs to, or -1 (top level). */
static void emit_need(int n, const char *id, unsigned lead, long aidx)
{
	unsigned kind = rn((unsigned)COUNT(need_kinds)), i, ns, cost;
	static const char *const prio[] = { "high", "medium", "medium", "low" };
	static const char *const status[] = { "identified", "identified",
					      "requested", "in_progress" };
	static const enum sector support[] = { S_UN_ENTITY, S_DONOR,
					       S_REGIONAL_BODY, S_INTERNATIONAL_ORG };
	char b[64];

	item_kv(n, "id", id);
	kv(n + 2, "need", need_texts[kind]);
	kv(n + 2, "kind", need_kinds[kind]);
	sh_id(b, sizeof(b), lead);
	kv(n + 2, "beneficiary", b);
	indent(n + 2);
	outs("support_from:\n");
	ns = 1 + rn(2);
	for (i = 0; i < ns; i++) {
		sh_id(b, sizeof(b), pick_sector(support[(kind + i) % COUNT(support)]));
		item(n + 4, b);
	}
	kv(n + 2, "priority", PICK(prio));
	/* One random draw per statement: argument evaluation order is
	 * unspecified, and the output must not depend on the compiler. */
	cost = rrange(5, 150) * 1000;
	if (rn(10) == 0) {
		cost += rn(1000);
		line(n + 2, "cost: %u.%02u", cost, rn(100));
	} else {
		line(n + 2, "cost: %u", cost);
	}
	kv(n + 2, "status", PICK(status));
	if (aidx < 0) {
		unsigned na = rrange(2, 4);

		indent(n + 2);
		outs("actions:\n");
		unsigned long taken[4];

		for (i = 0; i < na; i++) {
			unsigned k;

			do {
				taken[i] = rn((unsigned)nactions);
				for (k = 0; k < i && taken[k] != taken[i]; k++)
					;
			} while (k < i);
			action_id(b, sizeof(b), taken[i]);
			item(n + 4, b);
		}
	}
}

static void emit_action(unsigned long a, unsigned long o, enum area area)
{
	const struct activity *act = &activities[area][rn(6)];
	const char *prov = provinces[rn((unsigned)COUNT(provinces))];
	unsigned lead, partners[4], np, i, j, m0, m1, y, mo;
	unsigned long cost, funded = 0;
	char id[48], b[1024], b2[512];
	int needs_safeguard;

	action_id(id, sizeof(id), a);
	item_kv(10, "id", id);
	switch (rn(4)) {
	case 0:
		snprintf(b, sizeof(b), "%s: %s Province", act->title, prov);
		break;
	case 1:
		snprintf(b, sizeof(b), "%s in the %s Province", act->title, prov);
		break;
	case 2:
		snprintf(b, sizeof(b), "%s — phase %u", act->title, 1 + rn(3));
		break;
	default:
		snprintf(b, sizeof(b), "%s", act->title);
	}
	kv(12, "title", b);

	if (rn(10) < 7) {
		lead = pick_sector(area_leads[area][rn(4)]);
	} else {
		enum area other = (enum area)((area + 1 + rn(6)) % NAREAS);

		lead = pick_sector(area_leads[other][rn(4)]);
	}
	np = rn(4);
	partners[0] = lead;
	for (i = 1; i <= np; i++)
		partners[i] = pick_distinct(partners, i);

	{
		static const char *const places[] = {
			"", "three districts of ", "border communities of ",
			"selected municipalities of ",
		};
		const char *place = PICK(places);
		const char *why = PICK(purposes);
		const char *then = PICK(follow_ups);
		char where[128];

		snprintf(where, sizeof(where), "%sthe %s Province", place, prov);
		if (rn(3))
			snprintf(b, sizeof(b), "%s in %s, %s.", act->verb, where, why);
		else if (np)
			snprintf(b, sizeof(b), "%s in %s, %s. Implementing partner: %s. %s",
				 act->verb, where, why, sh[partners[1]].name, then);
		else
			snprintf(b, sizeof(b), "%s in %s. %s", act->verb, where, then);
		kv(12, "description", b);
	}
	sh_id(b, sizeof(b), lead);
	kv(12, "lead", b);
	if (np) {
		outs("            partners:\n");
		for (i = 1; i <= np; i++) {
			sh_id(b, sizeof(b), partners[i]);
			item(14, b);
		}
	}

	/* Months since 2025-01, inclusive range inside the 60-month period. */
	m0 = rn(48);
	m1 = m0 + rrange(3, 36);
	if (m1 > 59)
		m1 = 59;
	y = 2025 + m0 / 12;
	mo = 1 + m0 % 12;
	if (rn(5))
		line(12, "start: %u-%02u-01", y, mo);
	else
		line(12, "start: %u-%02u", y, mo);
	y = 2025 + m1 / 12;
	mo = 1 + m1 % 12;
	if (rn(5))
		line(12, "end: %u-%02u-%s", y, mo, month_days(y, mo));
	else
		line(12, "end: %u-%02u", y, mo);

	cost = (unsigned long)rrange(10, 1500) * 1000;
	line(12, "cost: %lu", cost);
	{
		unsigned nf = rn(10) < 2 ? 0 : rn(10) < 6 ? 1 : 2;
		static const enum sector funders[] = { S_DONOR, S_UN_ENTITY, S_GOVERNMENT,
						       S_DONOR, S_INTERNATIONAL_ORG,
						       S_REGIONAL_BODY, S_PRIVATE_SECTOR };
		static const char *const fstatus[] = { "committed", "pledged", "requested" };

		if (nf)
			outs("            funding:\n");
		for (i = 0; i < nf; i++) {
			unsigned long amount = (cost - funded) * rrange(20, 70) / 100 / 1000 * 1000;

			funded += amount;
			sh_id(b, sizeof(b), pick_sector(PICK(funders)));
			item_kv(14, "source", b);
			line(16, "amount: %lu", amount);
			kv(16, "status", PICK(fstatus));
		}
	}

	{
		const char *tg[3];
		unsigned tries = 1 + rn(3), nt = 1, k;

		tg[0] = area_targets[area][rn(3)];
		for (i = 1; i < tries; i++) {
			const char *t = rn(2) ? area_targets[area][rn(3)] : PICK(target_groups);

			for (k = 0; k < nt && strcmp(tg[k], t); k++)
				;
			if (k == nt)
				tg[nt++] = t;
		}
		outs("            target_groups:\n");
		needs_safeguard = 0;
		for (i = 0; i < nt; i++) {
			item(14, tg[i]);
			if (!strcmp(tg[i], "children") || !strcmp(tg[i], "detainees"))
				needs_safeguard = 1;
		}
	}
	{
		static const char *const levels[] = { "local", "local", "subnational",
						      "national", "subnational", "regional" };

		kv(12, "level", PICK(levels));
	}
	line(12, "gender_responsive: %s", area == A_GENDER || rn(10) < 6 ? "true" : "false");

	i = rn((unsigned)COUNT(safeguards));
	j = (i + 1 + rn((unsigned)COUNT(safeguards) - 1)) % (unsigned)COUNT(safeguards);
	if (needs_safeguard || sh[lead].sector == S_SECURITY || sh[lead].sector == S_JUDICIARY)
		snprintf(b2, sizeof(b2), " %s", "Specific safeguards apply: best interests "
			 "of the child and access to counsel.");
	else
		b2[0] = '\0';
	if (rn(5) < 3)
		snprintf(b, sizeof(b), "%s%s", safeguards[i], b2);
	else
		snprintf(b, sizeof(b), "%s %s%s", safeguards[i], safeguards[j], b2);
	kv(12, "human_rights", b);

	outs("            indicators:\n");
	ind_id(b, sizeof(b), 2 * o);
	item(14, b);
	if (rn(2)) {
		ind_id(b, sizeof(b), 2 * o + 1);
		item(14, b);
	}
	if (rn(10) == 0) {
		unsigned long other = rn((unsigned)nindicators);

		if (other / 2 != o) {
			ind_id(b, sizeof(b), other);
			item(14, b);
		}
	}
	if (a % 13 == 0)
		line(12, "status: ongoing");
	if (a % 97 == 50)
		line(12, "confidential: true");
	if (a % 20 < 9) {
		outs("            capacity_needs:\n");
		snprintf(b, sizeof(b), "%s.N1", id);
		emit_need(14, b, lead, (long)a);
	}
}

static void emit_priorities(void)
{
	unsigned long p, o, a;

	outs("priorities:\n");
	for (p = 0; p < npriorities; p++) {
		enum area area = (enum area)(p % NAREAS);
		enum area second = (enum area)((p + 1) % NAREAS);
		unsigned round = (unsigned)(p / NAREAS);
		char b[256];

		line(2, "- id: P%02lu", p + 1);
		if (round < 3)
			kv(4, "title", priority_titles[area][round]);
		else {
			snprintf(b, sizeof(b), "%s: %s Province",
				 priority_titles[area][round % 3],
				 provinces[round % COUNT(provinces)]);
			kv(4, "title", b);
		}
		outs("    areas:\n");
		item(6, area_key[area]);
		item(6, area_key[second]);
		outs("    gcts_pillars:\n");
		line(6, "- %u", area == A_GOVERNANCE ? 4 : 1);
		if (area == A_GOVERNANCE || area == A_COMMUNITIES)
			line(6, "- %u", area == A_GOVERNANCE ? 2 : 3);
		outs("    objectives:\n");
		for (o = first_objective(p); o < first_objective(p + 1); o++) {
			unsigned t = rn(4);

			objective_id(b, sizeof(b), o);
			item_kv(6, "id", b);
			kv(8, "title", objective_titles[area][t]);
			snprintf(b, sizeof(b), "By 2029, %c%s in the %s Province.",
				 objective_titles[area][t][0] + ('a' - 'A'),
				 objective_titles[area][t] + 1,
				 provinces[o % COUNT(provinces)]);
			kv(8, "outcome", b);
			outs("        indicators:\n");
			ind_id(b, sizeof(b), 2 * o);
			item(10, b);
			ind_id(b, sizeof(b), 2 * o + 1);
			item(10, b);
			outs("        actions:\n");
			for (a = first_action(o); a < first_action(o + 1); a++)
				emit_action(a, o, area);
		}
	}
}

static void emit_indicators(void)
{
	static const char *const freq[] = { "annual", "biannual", "quarterly",
					    "midterm", "annual", "final" };
	static const char *const disagg[] = { "sex", "age", "location", "disability", "group" };
	unsigned long i;

	outs("indicators:\n");
	for (i = 0; i < nindicators; i++) {
		unsigned k = rn((unsigned)COUNT(indicator_names)), base, nd, d;
		int pct = !strcmp(indicator_units[k], "percent");
		char b[64];

		ind_id(b, sizeof(b), i);
		item_kv(2, "id", b);
		kv(4, "name", indicator_names[k]);
		kv(4, "unit", indicator_units[k]);
		base = pct ? rrange(5, 60) : rrange(0, 400);
		outs("    baseline:\n");
		line(6, "value: %u", base);
		line(6, "year: %u", 2023 + rn(2));
		outs("    target:\n");
		line(6, "value: %u", pct ? base + rrange(5, 100 - base < 5 ? 5 : 100 - base) / 2
		     : base + rrange(50, 2000));
		line(6, "year: %u", rn(3) ? 2029 : 2027);
		kv(4, "source", PICK(indicator_sources));
		kv(4, "frequency", PICK(freq));
		outs("    disaggregation:\n");
		nd = 1 + rn(3);
		d = rn(5);
		for (k = 0; k < nd; k++)
			item(6, disagg[(d + k) % 5]);
		sh_id(b, sizeof(b), rn(3) ? pick_sector(S_GOVERNMENT) : pick_sector(S_ACADEMIA));
		kv(4, "responsible", b);
	}
}

static void emit_top_needs(void)
{
	unsigned long i;
	char id[32];

	outs("capacity_needs:\n");
	for (i = 0; i < nneeds_top; i++) {
		snprintf(id, sizeof(id), "CN-%04lu", i + 1);
		emit_need(2, id, pick_sector(rn(2) ? S_GOVERNMENT : S_LOCAL_GOVERNMENT), -1);
	}
}

static void emit_monitoring(void)
{
	char id[32];

	sh_id(id, sizeof(id), 0);
	outs("monitoring:\n");
	kv(2, "responsible", id);
	outs("  reporting: biannual\n"
	     "  reviews:\n"
	     "    - kind: annual\n"
	     "      date: 2026-01\n"
	     "    - kind: midterm\n"
	     "      date: 2027-06-30\n"
	     "    - kind: final\n"
	     "      date: 2029-12\n"
	     "  evaluation: independent\n"
	     "  learning: >-\n"
	     "    Findings of the annual reviews are discussed with implementing partners\n"
	     "    and communities, and the action matrix is revised after the midterm review.\n");
}

static void emit_risks(void)
{
	static const char *const risks[][2] = {
		{ "Security incidents prevent access to some districts",
		  "Work through local partners and remote monitoring; adjust timelines." },
		{ "Activities stigmatise the communities they target",
		  "Use neutral framing, involve community leaders in design, apply do-no-harm reviews." },
		{ "Funding pledges are not disbursed on time",
		  "Hold an annual resource mobilisation round table and prioritise actions." },
		{ "Weak coordination between ministries",
		  "Quarterly meetings of the coordination committee with published minutes." },
		{ "Human rights violations by security forces undermine trust",
		  "Independent complaints mechanism and training; suspend support to units concerned." },
		{ "Loss of trained staff through turnover",
		  "Training of trainers and institutionalisation in national curricula." },
		{ "Civil society partners face restrictions or threats",
		  "Protection protocol for partners and dialogue with authorities on civic space." },
		{ "Data on indicators is not collected",
		  "Budget monitoring in each action and support from the statistics office." },
	};
	static const char *const lv[] = { "low", "medium", "high" };
	unsigned i, n = 8 + scale / 5;

	outs("risks:\n");
	for (i = 0; i < n; i++) {
		char b[256];

		snprintf(b, sizeof(b), "RK-%02u", i + 1);
		item_kv(2, "id", b);
		if (i < COUNT(risks))
			kv(4, "description", risks[i][0]);
		else {
			snprintf(b, sizeof(b), "%s in the %s Province", risks[i % COUNT(risks)][0],
				 provinces[i % COUNT(provinces)]);
			kv(4, "description", b);
		}
		kv(4, "likelihood", PICK(lv));
		kv(4, "impact", PICK(lv));
		kv(4, "mitigation", risks[i % COUNT(risks)][1]);
		sh_id(b, sizeof(b), i % 3 ? 1 + rn(nsh - 1) : 0);
		kv(4, "owner", b);
	}
}

int main(int argc, char **argv)
{
	char *end;
	unsigned long v;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gen_plan SCALE [SEED]\n"
			"  SCALE  1..10000 (1 = 100 actions, 100 = 10,000 actions)\n"
			"  SEED   unsigned integer, default 1\n");
		return 2;
	}
	v = strtoul(argv[1], &end, 10);
	if (*end || end == argv[1] || v < 1 || v > 10000) {
		fprintf(stderr, "gen_plan: SCALE must be an integer in 1..10000\n");
		return 2;
	}
	scale = (unsigned)v;
	if (argc == 3) {
		seed = strtoull(argv[2], &end, 10);
		if (*end || end == argv[2]) {
			fprintf(stderr, "gen_plan: SEED must be an unsigned integer\n");
			return 2;
		}
	}
	rng = seed;

	nactions = 100UL * scale;
	nobjectives = (nactions + 7) / 8;
	npriorities = 6 + scale / 2;
	nindicators = 2 * nobjectives;
	nneeds_action = 45UL * scale;	/* actions with a % 20 < 9 */
	nneeds_top = 5UL * scale;

	build_stakeholders();
	emit_header();
	emit_coordination();
	emit_context();
	emit_stakeholders();
	emit_consultations();
	emit_priorities();
	emit_indicators();
	emit_top_needs();
	emit_monitoring();
	emit_risks();
	flush_out();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen_plan: write");
		return 3;
	}
	fprintf(stderr, "gen_plan: scale=%u seed=%llu bytes=%llu stakeholders=%u "
		"priorities=%lu objectives=%lu actions=%lu capacity_needs=%lu indicators=%lu\n",
		scale, seed, ototal, nsh, npriorities, nobjectives, nactions,
		nneeds_action + nneeds_top, nindicators);
	return 0;
}
