"""Data tables for the synthetic corpus: countries, name pools, titles, phrases.

Every person the generator writes about is invented: names are drawn from per-culture pools
of given names and surnames, and surnames of well-known real office holders (Aliyev, Lavrov,
Putin, Erdoğan, …) are left out so generated people never collide with the seed articles.
Names are spelled the way the Turkish press spells them, and surnames were chosen so that
their written last vowel is the one heard (no silent endings like "Barrot"), which keeps the
apostrophe endings right.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    """A country as the corpus writes about it."""

    name: str  # as it stands before a title: "Rusya Dışişleri Bakanı"
    adjective: str  # "Rus", "Azerbaycan"
    demonym: str  # "Rus", "Azerbaycanlı"
    capital: str
    culture: str  # key into NAME_POOLS
    head: tuple[str, str] | None = ("Cumhurbaşkanı", "Cumhurbaşkanı")  # (alone, after country)
    has_pm: bool = True


_PRES = ("Cumhurbaşkanı", "Cumhurbaşkanı")
_STATE = ("Devlet Başkanı", "Devlet Başkanı")

COUNTRIES: tuple[Country, ...] = (
    Country("Türkiye", "Türk", "Türk", "Ankara", "tr"),
    Country("Azerbaycan", "Azerbaycan", "Azerbaycanlı", "Bakü", "az", _PRES, True),
    Country("Rusya", "Rus", "Rus", "Moskova", "ru", _STATE),
    Country("Kazakistan", "Kazak", "Kazakistanlı", "Astana", "ca"),
    Country("Özbekistan", "Özbek", "Özbekistanlı", "Taşkent", "ca"),
    Country("Kırgızistan", "Kırgız", "Kırgızistanlı", "Bişkek", "ca"),
    Country("Türkmenistan", "Türkmen", "Türkmenistanlı", "Aşkabat", "ca", _STATE, False),
    Country("Tacikistan", "Tacik", "Tacikistanlı", "Duşanbe", "tj"),
    Country("Gürcistan", "Gürcü", "Gürcü", "Tiflis", "ge"),
    Country("Ermenistan", "Ermeni", "Ermeni", "Erivan", "am"),
    Country("Ukrayna", "Ukrayna", "Ukraynalı", "Kiev", "ua", _STATE),
    Country("Belarus", "Belarus", "Belaruslu", "Minsk", "ru"),
    Country("Moldova", "Moldova", "Moldovalı", "Kişinev", "ro"),
    Country("Romanya", "Romen", "Romanyalı", "Bükreş", "ro"),
    Country("Bulgaristan", "Bulgar", "Bulgaristanlı", "Sofya", "bg"),
    Country("Yunanistan", "Yunan", "Yunan", "Atina", "gr"),
    Country("Sırbistan", "Sırp", "Sırp", "Belgrad", "yu"),
    Country("Bosna-Hersek", "Bosna-Hersek", "Bosnalı", "Saraybosna", "yu"),
    Country("Karadağ", "Karadağ", "Karadağlı", "Podgorica", "yu"),
    Country("Hırvatistan", "Hırvat", "Hırvat", "Zagreb", "yu"),
    Country("Kuzey Makedonya", "Makedon", "Kuzey Makedonyalı", "Üsküp", "yu"),
    Country("Arnavutluk", "Arnavut", "Arnavutluklu", "Tiran", "al"),
    Country("Kosova", "Kosova", "Kosovalı", "Priştine", "al"),
    Country("Macaristan", "Macar", "Macar", "Budapeşte", "hu"),
    Country("Polonya", "Polonya", "Polonyalı", "Varşova", "pl"),
    Country("Çekya", "Çek", "Çekyalı", "Prag", "pl"),
    Country("Slovakya", "Slovak", "Slovakyalı", "Bratislava", "pl"),
    Country("Almanya", "Alman", "Alman", "Berlin", "de"),
    Country("Avusturya", "Avusturya", "Avusturyalı", "Viyana", "de"),
    Country("İsviçre", "İsviçre", "İsviçreli", "Bern", "de", ("Konfederasyon Başkanı",) * 2, False),
    Country("Fransa", "Fransız", "Fransız", "Paris", "fr"),
    Country("Belçika", "Belçika", "Belçikalı", "Brüksel", "nl", None),
    Country("Hollanda", "Hollanda", "Hollandalı", "Amsterdam", "nl", None),
    Country("İtalya", "İtalyan", "İtalyan", "Roma", "it"),
    Country("İspanya", "İspanyol", "İspanyol", "Madrid", "es", None),
    Country("Portekiz", "Portekiz", "Portekizli", "Lizbon", "pt"),
    Country("İngiltere", "İngiliz", "İngiliz", "Londra", "en", None),
    Country("İrlanda", "İrlanda", "İrlandalı", "Dublin", "en"),
    Country("İsveç", "İsveç", "İsveçli", "Stockholm", "no", None),
    Country("Norveç", "Norveç", "Norveçli", "Oslo", "no", None),
    Country("Finlandiya", "Fin", "Finlandiyalı", "Helsinki", "no"),
    Country("Danimarka", "Danimarka", "Danimarkalı", "Kopenhag", "no", None),
    Country("ABD", "Amerikan", "Amerikalı", "Washington", "en", ("Başkan", "Başkanı"), False),
    Country("Kanada", "Kanada", "Kanadalı", "Ottava", "en", None),
    Country("Meksika", "Meksika", "Meksikalı", "Meksiko", "es", _STATE, False),
    Country("Brezilya", "Brezilya", "Brezilyalı", "Brasilia", "pt", _STATE, False),
    Country("Arjantin", "Arjantin", "Arjantinli", "Buenos Aires", "es", _STATE, False),
    Country("Şili", "Şili", "Şilili", "Santiago", "es", _STATE, False),
    Country("Mısır", "Mısır", "Mısırlı", "Kahire", "ar"),
    Country("Fas", "Fas", "Faslı", "Rabat", "ar", None),
    Country("Tunus", "Tunus", "Tunuslu", "Tunus", "ar"),
    Country("Cezayir", "Cezayir", "Cezayirli", "Cezayir", "ar"),
    Country("Libya", "Libya", "Libyalı", "Trablus", "ar", None),
    Country("Suudi Arabistan", "Suudi", "Suudi", "Riyad", "ar", None),
    Country("Katar", "Katar", "Katarlı", "Doha", "ar", None),
    Country("Kuveyt", "Kuveyt", "Kuveytli", "Kuveyt", "ar", None),
    Country("Umman", "Umman", "Ummanlı", "Maskat", "ar", None),
    Country("Ürdün", "Ürdün", "Ürdünlü", "Amman", "ar", None),
    Country("Lübnan", "Lübnan", "Lübnanlı", "Beyrut", "ar"),
    Country("Irak", "Irak", "Iraklı", "Bağdat", "ar"),
    Country("Birleşik Arap Emirlikleri", "Emirlik", "BAE'li", "Abu Dabi", "ar", None),
    Country("İran", "İran", "İranlı", "Tahran", "ir"),
    Country("Afganistan", "Afgan", "Afganistanlı", "Kabil", "ir", None),
    Country("Pakistan", "Pakistan", "Pakistanlı", "İslamabad", "pk"),
    Country("Hindistan", "Hint", "Hindistanlı", "Yeni Delhi", "in"),
    Country("Bangladeş", "Bangladeş", "Bangladeşli", "Dakka", "bd"),
    Country("Endonezya", "Endonezya", "Endonezyalı", "Cakarta", "id", _STATE, False),
    Country("Malezya", "Malezya", "Malezyalı", "Kuala Lumpur", "my", None),
    Country("Çin", "Çin", "Çinli", "Pekin", "cn", _STATE),
    Country("Japonya", "Japon", "Japon", "Tokyo", "jp", None),
    Country("Güney Kore", "Güney Kore", "Güney Koreli", "Seul", "kr"),
    Country("Nijerya", "Nijerya", "Nijeryalı", "Abuja", "af", _STATE, False),
    Country("Kenya", "Kenya", "Kenyalı", "Nairobi", "af", _PRES, False),
    Country("Gana", "Gana", "Ganalı", "Akra", "af", _PRES, False),
    Country("Güney Afrika", "Güney Afrika", "Güney Afrikalı", "Pretorya", "af", _PRES, False),
    Country("Senegal", "Senegal", "Senegalli", "Dakar", "af"),
)

HOME = COUNTRIES[0]  # Turkish news: most meetings have a Turkish side


def _pool(names: str) -> tuple[str, ...]:
    """A comma-separated list of names as a tuple (keeps the tables compact)."""
    return tuple(n.strip() for n in names.split(","))


# Given names (m, f) and surnames (s) per culture. Feminine surname forms (Voronova) are made
# by the generator for the cultures in FEMININE_SURNAMES.
NAME_POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    "tr": {
        "m": _pool(
            "Selim, Kerem, Murat, Okan, Tarık, Levent, Serkan, Burak, Cengiz, Oğuz, Sinan, "
            "Haluk, Taner, Volkan, Emre, Koray"
        ),
        "f": _pool("Ayşe, Zeynep, Elif, Gülay, Nilüfer, Derya, Hülya, Sevda, Pınar"),
        "s": _pool(
            "Aydınlı, Karaca, Yalçınkaya, Tunalı, Ertürk, Kocabaş, Akbulut, Demirbağ, "
            "Güleryüz, Çelikkol, Baykara, Uzunoğlu, Koçyiğit, Tekinalp, Işıklar, Sarıoğlu, "
            "Karahan, Ilgaz, Durukan, Okyay"
        ),
    },
    "az": {
        "m": _pool(
            "Elşad, Rövşen, Anar, Tural, Vüsal, Ramil, Ferid, Kamran, Elnur, Samir, Rauf, Emin"
        ),
        "f": _pool("Leyla, Günel, Nigar, Sevinc, Aytan, Könül"),
        "s": _pool(
            "Memmedov, Abbasov, Veliyev, Nesirov, Rzayev, Kerimov, Şirinov, Ceferov, "
            "Süleymanov, Nebiyev, Agayev, Qurbanlı, Huseynli, Talıbov, İsgenderov, Safarov, "
            "Novruzov, Heydarlı, Musayev, Zeynalov, Bagırov"
        ),
    },
    "ru": {
        "m": _pool(
            "Dmitriy, Andrey, Nikolay, Pavel, Yuriy, Konstantin, Vladislav, İgor, Boris, "
            "Viktor, Gennadiy, Stanislav"
        ),
        "f": _pool("Yelena, Tatyana, Olga, Marina, Svetlana, Natalya"),
        "s": _pool(
            "Voronov, Beloglazov, Tihomirov, Gromov, Sorokin, Kalinin, Orlov, Lebedev, "
            "Dubinin, Yermolov, Stepanov, Barinov, Golovin, Polyakov, Kirillov, Saveliyev, "
            "Zuyev, Morozov"
        ),
    },
    "ca": {
        "m": _pool(
            "Nurlan, Yerlan, Askar, Dauren, Timur, Bahtiyar, Ulugbek, Sardor, Aybek, Rustam, "
            "Serdar, Jomart"
        ),
        "f": _pool("Gulnara, Dinara, Aygerim, Malika, Aziza, Jibek"),
        "s": _pool(
            "Seytkaliyev, Abdrahmanov, Nurpeyisov, Yusupov, Rahimov, Saparov, Muratov, "
            "Baymuhamedov, Esenov, İsmailov, Tursunov, Ahmedov, Kurbanov, Toktogulov, "
            "Jumabekov, Orazov, Ahmetov, Suleymenov, Bekov, Amanov, Kasymov"
        ),
    },
    "tj": {
        "m": _pool("Firuz, Daler, Bahrom, Suhrob, Farruh, Jamşed"),
        "f": _pool("Nilufar, Zarina, Mehrangiz"),
        "s": _pool(
            "Saidzoda, Nazarzoda, Rahimzoda, Karimzoda, Davlatzoda, Sharifzoda, Kurbonov, "
            "Mirzoyev, Safarov, Hakimov, Sobirov, Nurov, Umarov, Gafurov, Latipov, Boboyev, "
            "Rajabov"
        ),
    },
    "ge": {
        "m": _pool("Giorgi, Levan, Davit, Nika, Zurab, Lasha, Gela, Tornike"),
        "f": _pool("Tamar, Nino, Ketevan, Salome, Maka"),
        "s": _pool(
            "Kapanadze, Beridze, Tsiklauri, Gelaşvili, Lomidze, Maisuradze, Cavahişvili, "
            "Abaşidze, Mgeladze, Nozadze, Çikovani, Kurtanidze, Tsereteli, Gogiçaişvili, "
            "Bakradze, Japaridze, Kvirikaşvili, Sulaberidze, Dolidze"
        ),
    },
    "am": {
        "m": _pool("Aram, Tigran, Armen, Hayk, Vahe, Gor, Narek, Samvel"),
        "f": _pool("Anuş, Lilit, Mariam, Siranuş"),
        "s": _pool(
            "Avagyan, Hakobyan, Grigoryan, Manukyan, Galstyan, Ohanyan, Poghosyan, Zakaryan, "
            "Melkonyan, Sahakyan, Ayvazyan, Karapetyan, Baghdasaryan, Minasyan, Stepanyan, "
            "Tadevosyan, Arakelyan, Gasparyan, Simonyan"
        ),
    },
    "ua": {
        "m": _pool("Oleksandr, Mıkola, Taras, Bohdan, Andriy, Serhiy, Vasıl, Petro"),
        "f": _pool("Oksana, İrına, Yuliya, Halına"),
        "s": _pool(
            "Kovalenko, Bondarenko, Tkaçenko, Melnık, Kravçenko, Savçenko, Marçenko, Lısenko, "
            "Moroz, Bilık, Hrıtsenko, Kovalçuk, Şevçenko, Polişçuk, Ruban, Levçenko, Boyko, "
            "Karpenko, Ostapenko"
        ),
    },
    "ro": {
        "m": _pool("Andrei, Mihai, Radu, Vlad, Sorin, Florin, Adrian, Bogdan"),
        "f": _pool("Yoana, Elena, Cristina, Daniela"),
        "s": _pool(
            "Popescu, Ionescu, Constantinescu, Dumitru, Stoica, Munteanu, Dobre, Marinescu, "
            "Lungu, Vasilescu, Çobanu, Rusu, Georgescu, Enache, Preda, Nistor, Tudor, Barbu"
        ),
    },
    "bg": {
        "m": _pool("Georgi, Dimitar, Petar, Rosen, Kiril, Stoyan, Lyubomir"),
        "f": _pool("Kristina, Desislava, Mariya, Tsvetelina"),
        "s": _pool(
            "Dimitrov, Stoyanov, Kolev, Marinov, Angelov, Todorov, Hristov, Vasilev, İliev, "
            "Zahariev, Petrov, Nikolov, Yordanov, Mihaylov, Atanasov, Kostadinov, Penev, "
            "Slavov"
        ),
    },
    "gr": {
        "m": _pool("Yannis, Kostas, Nikos, Dimitris, Giorgos, Andreas, Panagiotis, Vasilis"),
        "f": _pool("Eleni, Maria, Katerina, Sofia"),
        "s": _pool(
            "Papadopulos, Georgiu, Konstantinu, Nikolau, Andreu, Papadakis, Vlahos, "
            "Angelopulos, Stavropulos, Mihailidis, Antoniadis, Dimitriadis, Kontos, Pappas, "
            "Ioannidis, Makris, Theodoru"
        ),
    },
    "yu": {
        "m": _pool(
            "Milan, Dragan, Nenad, Zoran, Goran, Marko, Dejan, Branko, Edin, Emir, Stefan, Igor"
        ),
        "f": _pool("Ivana, Jelena, Milica, Amra, Sanja, Biljana"),
        "s": _pool(
            "Petroviç, Jovanoviç, Nikoliç, Markoviç, İliç, Stankoviç, Pavloviç, Kovaçeviç, "
            "Todoroviç, Babiç, Mitroviç, Radiç, Hadziç, Begoviç, Trajkovski, Stojanovski, "
            "Nikolovski"
        ),
    },
    "al": {
        "m": _pool("Arben, Ilir, Besnik, Gentian, Fatmir, Artan, Driton"),
        "f": _pool("Blerta, Elira, Mimoza, Vjosa"),
        "s": _pool(
            "Hoxha, Krasniqi, Berisha, Gashi, Shala, Kelmendi, Morina, Dervishi, Bytyqi, "
            "Rexhepi, Hasani, Ahmeti, Kryeziu, Leka, Çela, Zeneli, Dushku, Gjoni, Bajrami"
        ),
    },
    "hu": {
        "m": _pool("Laszlo, Zoltan, Gabor, Tamaş, İstvan, Balaj, Miklos, Attila"),
        "f": _pool("Agnes, Eszter, Katalin, Reka"),
        "s": _pool(
            "Kovaç, Sabo, Horvat, Tot, Varga, Kiş, Molnar, Nemet, Farkaş, Balog, Papp, "
            "Simon, Lakatoş, Fekete, Szalai, Meszaros, Pinter, Juhasz"
        ),
    },
    "pl": {
        "m": _pool("Piotr, Tomasz, Marek, Jan, Jakub, Michal, Pavel, Ondrej, Lukaş"),
        "f": _pool("Anna, Katarzina, Magdalena, Eva, Zuzana"),
        "s": _pool(
            "Kovalski, Visnievski, Zielinski, Voyçik, Levandovski, Dvorak, Svoboda, Çerni, "
            "Prohazka, Horak, Kuçera, Marek, Jankowski, Mazur, Pokorni, Benes, Kral, Hudak, "
            "Varga"
        ),
    },
    "de": {
        "m": _pool(
            "Markus, Stefan, Andreas, Jürgen, Klaus, Matthias, Tobias, Lukas, Florian, Dieter"
        ),
        "f": _pool("Sabine, Katrin, Ursula, Julia, Annette, Heike"),
        "s": _pool(
            "Hoffmann, Becker, Wagner, Richter, Krüger, Neumann, Zimmermann, Hartmann, Lang, "
            "Vogel, Lehmann, Winkler, Baumann, Keller, Brandl, Huber, Gruber, Egli"
        ),
    },
    "fr": {
        "m": _pool("Julien, Antoine, Philippe, Pierre, Guillaume, Etienne, Olivier, Mathieu, Yves"),
        "f": _pool("Camille, Elodie, Sophie, Claire, Celine, Helene"),
        "s": _pool(
            "Morel, Roussel, Duval, Marchal, Perrin, Vidal, Brunel, Leclerc, Castel, Noel, "
            "Picard, Fabian, Mercadal, Bertin, Masson"
        ),
    },
    "it": {
        "m": _pool("Marco, Luca, Giovanni, Alessandro, Matteo, Paolo, Stefano"),
        "f": _pool("Francesca, Giulia, Chiara, Elena"),
        "s": _pool(
            "Rossi, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De "
            "Luca, Mancini, Lombardi, Moretti, Barbieri, Esposito, Russo, Fontana, Caruso, "
            "Rinaldi"
        ),
    },
    "es": {
        "m": _pool("Carlos, Javier, Miguel, Alejandro, Pablo, Diego, Fernando, Andres, Jorge"),
        "f": _pool("Lucia, Maria, Carmen, Isabel, Sofia"),
        "s": _pool(
            "Garcia, Martinez, Lopez, Sanchez, Romero, Torres, Navarro, Herrera, Castillo, "
            "Morales, Ortega, Delgado, Vargas, Molina, Ruiz, Jimenez, Ramos, Serrano, Medina, "
            "Cortes"
        ),
    },
    "pt": {
        "m": _pool("João, Pedro, Lucas, Gabriel, Rafael, Tiago, Rodrigo"),
        "f": _pool("Ana, Beatriz, Mariana, Inês"),
        "s": _pool(
            "Silva, Santos, Oliveira, Souza, Pereira, Carvalho, Almeida, Ferreira, Ribeiro, "
            "Gomes, Martins, Rocha, Araujo, Barbosa, Cardoso, Teixeira, Moreira, Lima, "
            "Correia, Pinto"
        ),
    },
    "nl": {
        "m": _pool("Jan, Pieter, Willem, Thijs, Bram, Daan, Maarten, Luc"),
        "f": _pool("Sanne, Anouk, Lotte, Els"),
        "s": _pool(
            "Jansen, Bakker, Visser, Smit, Mulder, de Groot, Bos, Peeters, Janssens, "
            "Hendriks, Dekker, Verbeek, Wouters, Goossens, Vermeulen, Willems"
        ),
    },
    "no": {
        "m": _pool("Lars, Erik, Anders, Henrik, Mikael, Johan, Oskar, Jukka"),
        "f": _pool("Ingrid, Astrid, Karin, Sanna, Liisa"),
        "s": _pool(
            "Lindqvist, Andersen, Nielsen, Johansson, Berg, Lund, Hansen, Karlsson, Virtanen, "
            "Korhonen, Nieminen, Haugen, Dahl, Holm, Lindberg, Strand, Eriksen, Sandberg, "
            "Halvorsen"
        ),
    },
    "en": {
        "m": _pool(
            "James, Oliver, William, Daniel, Michael, David, Thomas, Patrick, Robert, Steven"
        ),
        "f": _pool("Emily, Sarah, Charlotte, Rebecca, Hannah, Laura"),
        "s": _pool(
            "Harris, Collins, Phillips, Mills, Kent, Hill, King, Reid, Quinn, Grant, Lynch, "
            "Marsh, Nash, Hicks, Briggs, Webb, Mitchell, Bennett, Griffith, Lewis"
        ),
    },
    "ar": {
        "m": _pool(
            "Ahmed, Halid, Faysal, Yusuf, Mahmud, Tarık, Hişam, Samir, Velid, Adil, Nasır, "
            "Kerim, Mustafa, Hamza"
        ),
        "f": _pool("Leyla, Nura, Fatıma, Rania, Selma, Dina"),
        "s": _pool(
            "el-Harisi, el-Mansuri, el-Kahtani, el-Suveydi, el-Hamdan, el-Rifai, Haddad, "
            "Halabi, Sabbağ, Mansur, Abdulkerim, Şerif, el-Masri, Tahtavi, Bennani, Alami, "
            "Tazi, Belkadi, Ammar, Trabelsi, el-Cuburi, el-Ubeydi"
        ),
    },
    "ir": {
        "m": _pool("Ali, Muhammed, Hasan, Mehdi, Rıza, Cevad, Said, Ferhat, Daryuş"),
        "f": _pool("Meryem, Zehra, Nesrin, Şirin"),
        "s": _pool(
            "Hüseyni, Rahimi, Ahmedi, Kazımi, Muradi, Tahrani, Sadıki, İbrahimi, Azizi, "
            "Rezai, Nuri, Haşimi, Safevi, Caferi, Stanekzai, Musevi, Kurbani, Tavakoli, "
            "Nazari, Celali, Amini, Hüseynzade"
        ),
    },
    "pk": {
        "m": _pool("Ahmad, Faisal, Bilal, Usman, Kamran, Zafer"),
        "f": _pool("Ayesha, Sana, Mehvish"),
        "s": _pool(
            "Malik, Çaudri, Sıddıki, Raza, Ahter, Abbasi, Gilani, Mirza, Hashmi, Baloch, "
            "Khattak, Tarar, Aslam, Javed, Rashid, Yousaf, Dar"
        ),
    },
    "in": {
        "m": _pool("Rahul, Arjun, Vikram, Sanjay, Rohan, Anil, Suresh"),
        "f": _pool("Priya, Anjali, Kavita, Meera"),
        "s": _pool(
            "Sharma, Verma, Gupta, Iyer, Nair, Mehta, Rao, Joshi, Kapoor, Desai, Patil, "
            "Kumar, Singh, Pillai, Menon, Das, Chopra"
        ),
    },
    "bd": {
        "m": _pool("Abdul, Mahbub, Rafik, Tarek, Anisul"),
        "f": _pool("Nasrin, Farhana, Shirin"),
        "s": _pool(
            "Rahman, Uddin, İslam, Sarkar, Talukdar, Hakim, Hasan, Karim, Mahmud, Alam, "
            "Kabir, Rashid, Sultan, Momen, Bhuiyan, Mollah, Sikdar"
        ),
    },
    "id": {
        "m": _pool("Budi, Agus, Rudi, Vahyu, Eko, Indra"),
        "f": _pool("Dewi, Sri, Putri, Rina"),
        "s": _pool(
            "Santoso, Vicaya, Hidayat, Susanto, Pratama, Setiavan, Nugroho, Kusuma, Saputra, "
            "Gunavan, Hartono, Purnomo, Sulistyo, Wibowo, Rahardjo, Siregar, Nasution, Lubis"
        ),
    },
    "my": {
        "m": _pool("Zulkifli, Aziz, Farid, Hakimi, Razali"),
        "f": _pool("Nurul, Siti, Aisyah"),
        "s": _pool(
            "Abdullah, Hamzah, Yusof, Ismail, Othman, Ariffin, Hassan, Rahim, Salleh, "
            "Ibrahim, Jamil, Kassim, Latif, Mokhtar, Nordin, Omar, Zakaria, Hussin"
        ),
    },
    "cn": {
        "m": _pool("Vey, Cian, Ming, Lei, Tao, Cün, Şin, Bo, Hua, Gang"),
        "f": _pool("Hong, Yan, Lin, Mei, Ting"),
        "s": _pool(
            "Liu, Cang, Çen, Cou, Sun, Guo, Gao, Lin, Cao, Ma, Luo, Song, Tang, Feng, Dong, "
            "Yu, Ye, Deng, Han, Cu"
        ),
    },
    "jp": {
        "m": _pool("Hiroşi, Takeşi, Kenji, Haruto, Satoşi, Kazuo, Masaki, Daisuke"),
        "f": _pool("Yuko, Akiko, Naoko, Yuki"),
        "s": _pool(
            "Tanaka, Suzuki, Takahaşi, Vatanabe, Yamamoto, Nakamura, Kobayaşi, Kato, Yoşida, "
            "Yamada, Sasaki, Matsumoto, İnoue, Kimura, Şimizu, Mori, Okada"
        ),
    },
    "kr": {
        "m": _pool("Min-ho, Seung-hoon, Dong-hyun, Sung-min, Jae-young, Tae-ho"),
        "f": _pool("Ji-won, Hye-jin, Eun-ji, So-yeon"),
        "s": _pool(
            "Kim, Park, Çoi, Cung, Kang, Ço, Lim, Han, Şin, Seo, Yoon, Jang, Kwon, Song, Ryu, "
            "Hong, Moon"
        ),
    },
    "af": {
        "m": _pool("Emeka, Çidi, Tunde, Kvame, Tabo, Mamadu, Joseph, Samuel, Kofi"),
        "f": _pool("Ngozi, Amina, Ama, Lerato, Zanele, Aminata, Grace"),
        "s": _pool(
            "Okafor, Adeyemi, Okonkvo, Balogun, Nvosu, Bello, Kamau, Otieno, Mvangi, Vafula, "
            "Diallo, Ndiaye, Diop, Mensah, Asante, Mokoena, Nkosi, Dlamini, Boateng, Sarr"
        ),
    },
}

# Cultures that write the surname first: "Liu Vey" is Mr Liu.
SURNAME_FIRST = frozenset({"cn", "kr"})
# Cultures whose surnames take a feminine ending: Voronov → Voronova.
FEMININE_SURNAMES = frozenset({"az", "ru", "ca", "bg"})

# Real office holders' surnames: never generated, so the corpus cannot collide with the seeds.
RESERVED_SURNAMES = frozenset(
    {
        "Aliyev",
        "Lavrov",
        "Şoygu",
        "Putin",
        "Erdoğan",
        "Novak",
        "Overçuk",
        "Muraşko",
        "Popova",
        "Belozyorov",
        "Paşinyan",
        "Bayramov",
        "Fidan",
        "Çavuşoğlu",
        "Mirzoyan",
        "Tokayev",
    }
)


@dataclass(frozen=True, slots=True)
class Office:
    """A title: how it stands alone ("Başbakan") and after a country ("Ermenistan Başbakanı")."""

    key: str
    alone: str
    after_country: str
    count: int = 1  # how many holders each country has (successive ministers, several deputies)
    delegation: bool = False  # may travel in a delegation


OFFICES: tuple[Office, ...] = (
    Office("pm", "Başbakan", "Başbakanı"),
    Office("deputy_pm", "Başbakan Yardımcısı", "Başbakan Yardımcısı", 2, True),
    Office("foreign", "Dışişleri Bakanı", "Dışişleri Bakanı", 2),
    Office("defence", "Savunma Bakanı", "Savunma Bakanı", 1, True),
    Office("economy", "Ekonomi Bakanı", "Ekonomi Bakanı", 1, True),
    Office("energy", "Enerji Bakanı", "Enerji Bakanı", 1, True),
    Office("trade", "Ticaret Bakanı", "Ticaret Bakanı", 1, True),
    Office("health", "Sağlık Bakanı", "Sağlık Bakanı", 1, True),
    Office("interior", "İçişleri Bakanı", "İçişleri Bakanı", 1, True),
    Office("agriculture", "Tarım Bakanı", "Tarım Bakanı", 1, True),
    Office("deputy_foreign", "Dışişleri Bakan Yardımcısı", "Dışişleri Bakan Yardımcısı", 2, True),
    Office("speaker", "Meclis Başkanı", "Meclis Başkanı"),
    Office("ambassador", "Büyükelçi", "Büyükelçi", 1, True),
)

MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)

# Fields of cooperation: (as a noun phrase in a sentence, as it appears in a capitalised name).
TOPICS: tuple[tuple[str, str], ...] = (
    ("enerji", "Enerji İşbirliği"),
    ("ticaret", "Ticari ve Ekonomik İşbirliği"),
    ("savunma sanayii", "Savunma Sanayii İşbirliği"),
    ("ulaştırma", "Ulaştırma ve Lojistik"),
    ("sağlık", "Sağlık Alanında İşbirliği"),
    ("eğitim", "Eğitim ve Bilim"),
    ("tarım", "Tarım ve Gıda Güvenliği"),
    ("turizm", "Turizm İşbirliği"),
    ("kültür", "Kültürel İşbirliği"),
    ("göç", "Göç ve Geri Kabul"),
    ("güvenlik", "Güvenlik İşbirliği"),
    ("yatırım", "Yatırımların Karşılıklı Teşviki ve Korunması"),
    ("dijital dönüşüm", "Dijital Dönüşüm"),
    ("afet yönetimi", "Afet Yönetimi"),
    ("gümrük", "Gümrük İşbirliği"),
    ("stratejik ortaklık", "Stratejik Ortaklık"),
)

# Agreement kinds: (the possessive head used in names, the bare noun used in running text).
AGREEMENT_KINDS: tuple[tuple[str, str], ...] = (
    ("Mutabakat Zaptı", "mutabakat zaptı"),
    ("Protokolü", "protokol"),
    ("Ortak Açıklaması", "ortak açıklama"),
    ("Deklarasyonu", "deklarasyon"),
    ("Anlaşması", "anlaşma"),
    ("Bildirgesi", "bildirge"),
)

# International gatherings where two delegations meet on the sidelines: (name, city, country).
SUMMITS: tuple[tuple[str, str, str], ...] = (
    ("NATO Zirvesi", "Brüksel", "Belçika"),
    ("NATO Zirvesi", "Madrid", "İspanya"),
    ("G20 Liderler Zirvesi", "Yeni Delhi", "Hindistan"),
    ("G20 Liderler Zirvesi", "Rio de Janeiro", "Brezilya"),
    ("Türk Devletleri Teşkilatı Zirvesi", "Astana", "Kazakistan"),
    ("Türk Devletleri Teşkilatı Zirvesi", "Semerkant", "Özbekistan"),
    ("Şanghay İşbirliği Örgütü Zirvesi", "Taşkent", "Özbekistan"),
    ("Antalya Diplomasi Forumu", "Antalya", "Türkiye"),
    ("BM Genel Kurulu", "New York", "ABD"),
    ("Münih Güvenlik Konferansı", "Münih", "Almanya"),
    ("Dünya Ekonomik Forumu", "Davos", "İsviçre"),
    ("İslam İşbirliği Teşkilatı Zirvesi", "Cidde", "Suudi Arabistan"),
    ("AGİT Bakanlar Konseyi", "Viyana", "Avusturya"),
)

# Direct-quote sentences. Placeholders: {o} the other country, {o_gen}/{o_dat}/{o_abl} its
# inflected forms (and {o_loc}), {o_demo} its demonym, {topic} a field of cooperation.
QUOTE_SENTENCES = (
    "{o} ile ilişkilerimizi her alanda geliştirmek istiyoruz.",
    "İki ülke arasındaki dostluk ve kardeşlik bağları her geçen gün güçleniyor.",
    "Bugünkü görüşmemiz son derece verimli ve samimi bir havada geçti.",
    "{topic} alanındaki işbirliğimizin önümüzdeki dönemde daha da derinleşeceğine inanıyorum.",
    "Ticaret hacmimizi kısa sürede iki katına çıkarmayı hedefliyoruz.",
    "{o_demo} meslektaşlarımızla bölgesel konularda da yakın istişare içindeyiz.",
    "Bölgede kalıcı barışın tesisi hepimizin ortak çıkarınadır.",
    "{o_gen} bu süreçteki yapıcı tutumunu takdirle karşılıyoruz.",
    "Ekonomik ilişkilerimizin potansiyelinin çok altında olduğunu düşünüyorum.",
    "Karşılıklı yatırımları teşvik etmek için yeni adımlar atacağız.",
    "{o_dat} yönelik doğrudan uçuşların artırılması gündemimizde.",
    "Halklarımız arasındaki temasların artması bizim için büyük önem taşıyor.",
    "Enerji güvenliği konusunda birlikte çalışmaya hazırız.",
    "Uluslararası platformlarda da birbirimizi desteklemeye devam edeceğiz.",
    "Ortak projelerimizin hayata geçirilmesi için çalışma gruplarımız yoğun mesai harcıyor.",
    "Bu ziyaret, ilişkilerimizde yeni bir sayfa açacaktır.",
    "Terörle mücadelede {o} ile dayanışma içinde olmaya devam edeceğiz.",
    "Bölgesel istikrar için diyalog kanallarını her zaman açık tutuyoruz.",
    "İş dünyalarımız arasındaki bağları güçlendirmek istiyoruz.",
    "Aramızdaki anlaşmaların uygulanması konusunda kararlıyız.",
    "Önümüzdeki yıl Karma Ekonomik Komisyon toplantısını {o_loc} gerçekleştireceğiz.",
    "Kültürel ve eğitim alanındaki değişim programlarını genişletmeyi planlıyoruz.",
    "Küresel ekonomideki belirsizliklere rağmen ilişkilerimiz istikrarlı biçimde büyüyor.",
    "Gıda güvenliği konusundaki ortak çalışmalarımızı sürdüreceğiz.",
    "{o_abl} ithalatımızı artırmaya yönelik somut öneriler sunduk.",
    "Bu alanda atılacak her adımın iki ülkeye de fayda sağlayacağına eminim.",
    "Dijital dönüşüm ve yenilenebilir enerji gibi yeni alanlarda da fırsatlar görüyoruz.",
    "Görüşmelerimizde bölgedeki son gelişmeleri de ayrıntılı olarak ele aldık.",
    "Liderlerimizin verdiği talimatlar doğrultusunda çalışmalarımızı hızlandırıyoruz.",
    "Sınır ötesi projelerde birlikte hareket etmemiz her iki tarafın da yararınadır.",
)

# Reported speech: "X, <clause> söyledi." Each clause already carries its verb form.
REPORTED = (
    ("iki ülke arasındaki ticaret hacmini artırmaya kararlı olduklarını", "söyledi"),
    ("{o} ile {topic} alanındaki işbirliğini derinleştirmeye hazır olduklarını", "söyledi"),
    ("bölgedeki gelişmeleri yakından takip ettiklerini", "ifade etti"),
    ("{o_gen} bölgesel barışa katkısından memnuniyet duyduğunu", "kaydetti"),
    ("görüşmelerin son derece verimli geçtiğini", "vurguladı"),
    ("ortak projelerin kısa sürede hayata geçirilmesini beklediklerini", "belirtti"),
    ("{o} ile ilişkilerin stratejik bir nitelik taşıdığını", "vurguladı"),
    (
        "karşılıklı ziyaretlerin sıklaşmasından duyduğu memnuniyeti dile getirerek bu "
        "ivmenin süreceğine inandığını",
        "söyledi",
    ),
)

# Participle clauses that introduce a speaker: "<clause> X, "…" dedi."
LEAD_INS = (
    "görüşmelerin verimli geçtiğini belirten",
    "iki ülke arasındaki ilişkilerin gelişmesinden memnuniyet duyduğunu belirten",
    "ziyaretin zamanlamasının önemine dikkati çeken",
    "bölgesel konuların da ele alındığını ifade eden",
    "{o} ile {topic} alanındaki işbirliğine değinen",
    "ikili ilişkilerin geldiği noktayı değerlendiren",
)

HEADLINES = (
    "{a} ile {b} arasında üst düzey temas",
    "{a}-{b} ilişkilerinde yeni dönem",
    "{a} ve {b} işbirliğini güçlendiriyor",
    "{city_loc} diplomatik trafik",
    "{a} ile {b} {topic} alanında işbirliğini ele aldı",
)
