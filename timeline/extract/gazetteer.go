package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline"
)

// countries lists each country as "Canonical|aliases;demonyms;capitals".
// Demonyms and capitals used as metonyms ("the Kremlin", "Beijing said")
// resolve to the country.
var countries = []string{
	"Afghanistan;Afghan;Kabul", "Albania;Albanian;Tirana", "Algeria;Algerian;Algiers",
	"Andorra;Andorran;", "Angola;Angolan;Luanda", "Argentina;Argentine|Argentinian;Buenos Aires",
	"Armenia;Armenian;Yerevan", "Australia;Australian;Canberra", "Austria;Austrian;Vienna",
	"Azerbaijan;Azerbaijani|Azeri;Baku", "Bahrain;Bahraini;Manama", "Bangladesh;Bangladeshi;Dhaka",
	"Belarus;Belarusian|Belarussian;Minsk", "Belgium;Belgian;", "Benin;Beninese;",
	"Bhutan;Bhutanese;", "Bolivia;Bolivian;La Paz", "Bosnia and Herzegovina|Bosnia;Bosnian;Sarajevo",
	"Botswana;;Gaborone", "Brazil;Brazilian;Brasilia|Brasília", "Brunei;;", "Bulgaria;Bulgarian;Sofia",
	"Burkina Faso;Burkinabe;Ouagadougou", "Burundi;Burundian;", "Cambodia;Cambodian;Phnom Penh",
	"Cameroon;Cameroonian;Yaounde", "Canada;Canadian;Ottawa", "Chad;Chadian;N'Djamena",
	"Chile;Chilean;Santiago", "China|People's Republic of China|PRC;Chinese;Beijing",
	"Colombia;Colombian;Bogota|Bogotá", "Congo|Democratic Republic of Congo|Democratic Republic of the Congo|DRC;Congolese;Kinshasa",
	"Costa Rica;Costa Rican;", "Croatia;Croatian;Zagreb", "Cuba;Cuban;Havana", "Cyprus;Cypriot;Nicosia",
	"Czech Republic|Czechia;Czech;Prague", "Denmark;Danish;Copenhagen", "Djibouti;;",
	"Dominican Republic;Dominican;Santo Domingo", "Ecuador;Ecuadorian;Quito", "Egypt;Egyptian;Cairo",
	"El Salvador;Salvadoran;", "Eritrea;Eritrean;Asmara", "Estonia;Estonian;Tallinn",
	"Ethiopia;Ethiopian;Addis Ababa", "Finland;Finnish;Helsinki", "France;French;Paris|Elysee|Élysée",
	"Gabon;Gabonese;", "Gambia;Gambian;", "Georgia;Georgian;Tbilisi", "Germany;German;Berlin",
	"Ghana;Ghanaian;Accra", "Greece;Greek;Athens", "Guatemala;Guatemalan;", "Guinea;Guinean;Conakry",
	"Haiti;Haitian;Port-au-Prince", "Honduras;Honduran;Tegucigalpa", "Hungary;Hungarian;Budapest",
	"Iceland;Icelandic;Reykjavik", "India;Indian;New Delhi", "Indonesia;Indonesian;Jakarta",
	"Iran|Islamic Republic;Iranian;Tehran", "Iraq;Iraqi;Baghdad", "Ireland;Irish;Dublin",
	"Israel;Israeli;", "Italy;Italian;Rome", "Ivory Coast|Cote d'Ivoire;Ivorian;",
	"Jamaica;Jamaican;Kingston", "Japan;Japanese;Tokyo", "Jordan;Jordanian;Amman",
	"Kazakhstan;Kazakh;Astana", "Kenya;Kenyan;Nairobi", "Kosovo;Kosovar;Pristina", "Kuwait;Kuwaiti;",
	"Kyrgyzstan;Kyrgyz;Bishkek", "Laos;Laotian;Vientiane", "Latvia;Latvian;Riga",
	"Lebanon;Lebanese;Beirut", "Liberia;Liberian;Monrovia", "Libya;Libyan;Tripoli",
	"Liechtenstein;;", "Lithuania;Lithuanian;Vilnius", "Luxembourg;;", "Madagascar;Malagasy;",
	"Malawi;Malawian;Lilongwe", "Malaysia;Malaysian;Kuala Lumpur", "Maldives;Maldivian;",
	"Mali;Malian;Bamako", "Malta;Maltese;Valletta", "Mauritania;Mauritanian;Nouakchott",
	"Mexico;Mexican;Mexico City", "Moldova;Moldovan;Chisinau", "Monaco;;", "Mongolia;Mongolian;Ulaanbaatar",
	"Montenegro;Montenegrin;Podgorica", "Morocco;Moroccan;Rabat", "Mozambique;Mozambican;Maputo",
	"Myanmar|Burma;Burmese;Naypyidaw", "Namibia;Namibian;Windhoek", "Nepal;Nepalese|Nepali;Kathmandu",
	"Netherlands|Holland;Dutch;Amsterdam|The Hague", "New Zealand;;Wellington",
	"Nicaragua;Nicaraguan;Managua", "Niger;Nigerien;Niamey", "Nigeria;Nigerian;Abuja",
	"North Korea|Democratic People's Republic of Korea|DPRK;North Korean;Pyongyang",
	"North Macedonia|Macedonia;Macedonian;Skopje", "Norway;Norwegian;Oslo", "Oman;Omani;Muscat",
	"Pakistan;Pakistani;Islamabad", "Palestine|Palestinian territories;Palestinian;Ramallah",
	"Panama;Panamanian;", "Papua New Guinea;;", "Paraguay;Paraguayan;Asuncion",
	"Peru;Peruvian;Lima", "Philippines;Filipino|Philippine;Manila", "Poland;Polish;Warsaw",
	"Portugal;Portuguese;Lisbon", "Qatar;Qatari;Doha", "Romania;Romanian;Bucharest",
	"Russia|Russian Federation;Russian;Moscow|Kremlin", "Rwanda;Rwandan;Kigali",
	"Saudi Arabia;Saudi;Riyadh", "Senegal;Senegalese;Dakar", "Serbia;Serbian|Serb;Belgrade",
	"Sierra Leone;;Freetown", "Singapore;Singaporean;", "Slovakia;Slovak;Bratislava",
	"Slovenia;Slovenian;Ljubljana", "Somalia;Somali;Mogadishu", "South Africa;South African;Pretoria",
	"South Korea|Republic of Korea;South Korean;Seoul", "South Sudan;South Sudanese;Juba",
	"Spain;Spanish;Madrid", "Sri Lanka;Sri Lankan;Colombo", "Sudan;Sudanese;Khartoum",
	"Sweden;Swedish;Stockholm", "Switzerland;Swiss;Bern", "Syria;Syrian;Damascus",
	"Taiwan;Taiwanese;Taipei", "Tajikistan;Tajik;Dushanbe", "Tanzania;Tanzanian;Dodoma",
	"Thailand;Thai;Bangkok", "Togo;Togolese;Lome", "Tunisia;Tunisian;Tunis",
	"Turkey|Turkiye|Türkiye;Turkish;Ankara", "Turkmenistan;Turkmen;Ashgabat", "Uganda;Ugandan;Kampala",
	"Ukraine;Ukrainian;Kyiv|Kiev", "United Arab Emirates|UAE;Emirati;Abu Dhabi",
	"United Kingdom|Britain|Great Britain|UK|U.K.|England|Scotland|Wales;British|English|Scottish|Welsh;London|Downing Street|Whitehall",
	"United States|U.S.|US|USA|U.S.A.|America|United States of America;American;Washington|White House|Pentagon|State Department",
	"Uruguay;Uruguayan;Montevideo", "Uzbekistan;Uzbek;Tashkent", "Vatican|Holy See;;",
	"Venezuela;Venezuelan;Caracas", "Vietnam|Viet Nam;Vietnamese;Hanoi", "Yemen;Yemeni;Sanaa",
	"Zambia;Zambian;Lusaka", "Zimbabwe;Zimbabwean;Harare",
}

// organisations lists international organisations and armed groups as
// "Canonical|aliases".
var organisations = []string{
	"United Nations|UN|U.N.|Security Council|UN Security Council|U.N. Security Council|General Assembly|UN General Assembly",
	"NATO|Nato|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|Atlantic alliance",
	"European Union|EU|E.U.|European Commission|European Council",
	"International Monetary Fund|IMF", "World Bank", "International Criminal Court|ICC",
	"International Atomic Energy Agency|IAEA", "Organization for Security and Cooperation in Europe|OSCE|Organization for Security and Co-operation in Europe",
	"G7|Group of Seven|G-7", "G20|Group of 20|G-20", "World Health Organization|WHO",
	"World Trade Organization|WTO", "OPEC", "African Union|AU", "ASEAN|Association of Southeast Asian Nations",
	"Arab League", "Red Cross|International Committee of the Red Cross|ICRC",
	"Hamas", "Hezbollah", "Houthis|Houthi", "Taliban", "Islamic State|ISIS|ISIL", "al-Qaeda|al Qaeda|Al Qaeda",
	"Wagner|Wagner Group", "BRICS", "Gulf Cooperation Council|GCC", "Shanghai Cooperation Organisation|SCO",
	"Council of Europe", "European Parliament", "International Court of Justice|ICJ",
}

// groupWords name parties to a conflict that are not states.
var groupWords = map[string]string{
	"separatists": "Separatists", "separatist": "Separatists", "rebels": "Rebels",
	"insurgents": "Insurgents", "militants": "Militants", "putschists": "Coup plotters",
	"coup plotters": "Coup plotters", "protesters": "Protesters",
}

// gazetteer maps a lower-cased surface form to an actor.
type gazetteer struct {
	forms   map[string]timeline.Actor
	longest int            // words in the longest form
	first   map[string]int // first word of a form -> words in the longest form starting with it
	metonym map[string]bool
	demonym map[string]bool
}

var gaz = buildGazetteer()

func buildGazetteer() *gazetteer {
	g := &gazetteer{forms: map[string]timeline.Actor{}, first: map[string]int{}, metonym: map[string]bool{}, demonym: map[string]bool{}}
	add := func(form string, a timeline.Actor) {
		form = strings.TrimSpace(form)
		if form == "" {
			return
		}
		key := strings.ToLower(form)
		if _, dup := g.forms[key]; !dup {
			g.forms[key] = a
		}
		words := strings.Fields(key)
		if n := len(words); n > g.longest {
			g.longest = n
		}
		if len(words) > g.first[words[0]] {
			g.first[words[0]] = len(words)
		}
	}
	for _, line := range countries {
		parts := strings.Split(line, ";")
		names := strings.Split(parts[0], "|")
		a := timeline.Actor{Name: names[0], Kind: timeline.ActorCountry}
		for _, n := range names {
			add(n, a)
		}
		if len(parts) > 1 {
			for _, dm := range strings.Split(parts[1], "|") {
				add(dm, a)
				add(dm+"s", a) // "the Russians"
				if dm != "" {
					g.demonym[strings.ToLower(dm)] = true
				}
			}
		}
		if len(parts) > 2 {
			for _, c := range strings.Split(parts[2], "|") {
				add(c, a)
				if c != "" {
					g.metonym[strings.ToLower(c)] = true
				}
			}
		}
	}
	for city, country := range cities {
		if a, ok := g.forms[strings.ToLower(country)]; ok {
			add(city, a)
			g.metonym[strings.ToLower(city)] = true
		}
	}
	for _, line := range organisations {
		names := strings.Split(line, "|")
		kind := timeline.ActorOrganisation
		switch names[0] {
		case "Hamas", "Hezbollah", "Houthis", "Taliban", "Islamic State", "al-Qaeda", "Wagner":
			kind = timeline.ActorGroup
		}
		a := timeline.Actor{Name: names[0], Kind: kind}
		for _, n := range names {
			add(n, a)
		}
	}
	return g
}

// CanonicalActor returns the canonical name of a country or organisation
// written any way the gazetteer knows ("U.S.", "Kremlin", "IMF"), or the
// name unchanged.
func CanonicalActor(name string) string {
	if a, ok := gaz.forms[strings.ToLower(strings.TrimSpace(name))]; ok {
		return a.Name
	}
	return name
}
