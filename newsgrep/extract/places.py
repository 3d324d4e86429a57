"""Places and peoples that read like names in news text: countries, their
peoples, regions, US states and the cities that most often stand for a
government ("Moscow said", "Washington warned"). A person's name never ends
in one of these words.
"""

from __future__ import annotations

# Entries are separated by " | " or line ends; "#" lines are headings.
PLACES = """# Continents, regions, seas
Africa | African | America | American | Americas | Antarctica | Arctic | Asia
Asian | Atlantic | Australasia | Balkan | Balkans | Baltic | Baltics | Benelux
Caribbean | Caucasus | Central America | Central Asia | Europe | European
Eurasia | Gulf | Indochina | Latin America | Mediterranean | Middle East
Mideast | Nordic | Pacific | Persian Gulf | Scandinavia | Scandinavian | Siberia
Siberian | Sahara | Arab | Arabs | Arabian | Western | Eastern | Northern
Southern | Soviet | Soviets | Yugoslav | Yugoslavia | Czechoslovak | Czechoslovakia
USSR

# Countries and their peoples
Afghan | Afghanistan | Albania | Albanian | Algeria | Algerian | Andorra
Angola | Angolan | Argentina | Argentine | Argentinian | Armenia | Armenian
Australia | Australian | Austria | Austrian | Azerbaijan | Azerbaijani | Azeri
Bahamas | Bahrain | Bahraini | Bangladesh | Bangladeshi | Barbados | Belarus
Belarussian | Belgian | Belgium | Belize | Benin | Bhutan | Bolivia | Bolivian
Bosnia | Bosnian | Botswana | Brazil | Brazilian | Britain | British | Briton
Britons | Brunei | Bulgaria | Bulgarian | Burkina Faso | Burma | Burmese
Burundi | Cambodia | Cambodian | Cameroon | Canada | Canadian | Chad | Chechen
Chechens | Chechnya | Chile | Chilean | China | Chinese | Colombia | Colombian
Congo | Congolese | Costa Rica | Croat | Croatia | Croatian | Cuba | Cuban
Cyprus | Cypriot | Czech | Czechs | Denmark | Danish | Dane | Danes | Dominican
Dutch | Ecuador | Ecuadorean | Egypt | Egyptian | El Salvador | England
English | Eritrea | Estonia | Estonian | Ethiopia | Ethiopian | Fiji | Finland
Finn | Finnish | France | French | Frenchman | Gabon | Gambia | Georgia
Georgian | German | Germans | Germany | Ghana | Ghanaian | Greece | Greek
Greenland | Grenada | Guatemala | Guatemalan | Guinea | Guyana | Haiti | Haitian
Holland | Honduras | Hungarian | Hungary | Iceland | Icelandic | India | Indian
Indonesia | Indonesian | Iran | Iranian | Iraq | Iraqi | Ireland | Irish
Israel | Israeli | Italian | Italy | Ivory Coast | Jamaica | Jamaican | Japan
Japanese | Jordan | Jordanian | Kazakh | Kazakhstan | Kenya | Kenyan | Korea
Korean | Kosovo | Kosovar | Kurd | Kurdish | Kurdistan | Kuwait | Kuwaiti
Kyrgyz | Kyrgyzstan | Laos | Latvia | Latvian | Lebanese | Lebanon | Liberia
Liberian | Libya | Libyan | Liechtenstein | Lithuania | Lithuanian | Luxembourg
Macedonia | Macedonian | Madagascar | Malawi | Malaysia | Malaysian | Mali
Malta | Maltese | Mauritania | Mauritius | Mexican | Mexico | Moldova | Moldovan
Monaco | Mongolia | Mongolian | Montenegro | Morocco | Moroccan | Mozambique
Myanmar | Namibia | Nepal | Nepalese | Netherlands | New Zealand | Nicaragua
Nicaraguan | Niger | Nigeria | Nigerian | Norway | Norwegian | Oman | Omani
Pakistan | Pakistani | Palestine | Palestinian | Panama | Panamanian | Papua New Guinea
Paraguay | Paraguayan | Peru | Peruvian | Philippine | Philippines | Filipino
Poland | Pole | Poles | Polish | Portugal | Portuguese | Qatar | Qatari
Romania | Romanian | Russia | Russian | Russians | Rwanda | Rwandan | Salvadorean
Saudi | Saudis | Saudi Arabia | Scotland | Scottish | Scot | Senegal | Serb
Serbia | Serbian | Sierra Leone | Singapore | Singaporean | Slovak | Slovakia
Slovenia | Slovenian | Somalia | Somali | South Africa | Spain | Spaniard
Spanish | Sri Lanka | Sri Lankan | Sudan | Sudanese | Suriname | Swede | Swedes
Sweden | Swedish | Swiss | Switzerland | Syria | Syrian | Taiwan | Taiwanese
Tajik | Tajikistan | Tanzania | Tanzanian | Thai | Thailand | Tibet | Tibetan
Togo | Trinidad | Tunisia | Tunisian | Turk | Turkey | Turkish | Turkmen
Turkmenistan | Uganda | Ugandan | Ukraine | Ukrainian | Uruguay | Uruguayan
Uzbek | Uzbekistan | Venezuela | Venezuelan | Vietnam | Vietnamese | Wales
Welsh | Yemen | Yemeni | Zaire | Zambia | Zambian | Zimbabwe | Zimbabwean

# US states
Alabama | Alaska | Arizona | Arkansas | California | Californian | Colorado
Connecticut | Delaware | Florida | Hawaii | Idaho | Illinois | Indiana | Iowa
Kansas | Kentucky | Louisiana | Maine | Maryland | Massachusetts | Michigan
Minnesota | Mississippi | Missouri | Montana | Nebraska | Nevada | New Hampshire
New Jersey | New Mexico | New York | New Yorker | North Carolina | North Dakota
Ohio | Oklahoma | Oregon | Pennsylvania | Rhode Island | South Carolina
South Dakota | Tennessee | Texas | Texan | Utah | Vermont | Virginia | Washington
West Virginia | Wisconsin | Wyoming

# US state abbreviations in datelines and party tags ("Sen. Bob Dole (R-Kan.)")
Ala | Ariz | Ark | Calif | Colo | Conn | Del | Fla | Ga | Ill | Ind | Kan | Ky
La | Mass | Md | Mich | Minn | Miss | Mo | Mont | Neb | Nebr | Nev | Okla | Ore
Pa | Penn | Tenn | Tex | Va | Vt | Wash | Wis | Wyo

# Cities that stand for governments, markets and newsrooms
Abu Dhabi | Abuja | Accra | Addis Ababa | Algiers | Amman | Amsterdam | Ankara
Athens | Atlanta | Baghdad | Baku | Bangkok | Barcelona | Basra | Beijing
Beirut | Belgrade | Berlin | Berne | Bern | Bogota | Bombay | Bonn | Boston
Brasilia | Bratislava | Brussels | Bucharest | Budapest | Buenos Aires | Cairo
Calcutta | Canberra | Caracas | Chicago | Copenhagen | Dakar | Dallas | Damascus
Delhi | Detroit | Dhaka | Doha | Dubai | Dublin | Edinburgh | Frankfurt
Geneva | Grozny | Hamburg | Hanoi | Havana | Helsinki | Hong Kong | Houston
Islamabad | Istanbul | Jakarta | Jerusalem | Johannesburg | Kabul | Kandahar
Karachi | Khartoum | Kiev | Kyiv | Kinshasa | Kuala Lumpur | Lagos | Lima
Lisbon | Ljubljana | London | Londoner | Los Angeles | Manhattan | Brisbane
Adelaide | Perth | Auckland | Vancouver | Calgary | Luanda | Madrid | Manila
Mecca | Melbourne | Mexico City | Miami | Milan | Minsk | Monrovia | Montreal
Moscow | Mumbai | Munich | Nairobi | New Delhi | Nicosia | Osaka | Oslo
Ottawa | Paris | Peking | Philadelphia | Phnom Penh | Prague | Pretoria
Pyongyang | Quito | Rabat | Reykjavik | Riga | Rio | Rio de Janeiro | Riyadh
Rome | Rotterdam | San Francisco | Santiago | Sao Paulo | Sarajevo | Seoul
Shanghai | Singapore | Sofia | Stockholm | Strasbourg | Sydney | Taipei
Tallinn | Tashkent | Tbilisi | Tehran | Teheran | Tel Aviv | Tirana | Tokyo
Toronto | Tripoli | Tunis | Vienna | Vilnius | Warsaw | Wellington | Yerevan
Zagreb | Zurich
"""
