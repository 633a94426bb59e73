"""Hand-written multilingual lexicons: theme cues, sentiment cues, urgency cues, function words.

Written from the taxonomy's `covers` text and from how people write feedback, not copied
from the labelled sample. Every entry is matched against both the lemma (morphology.py) and the
lower-cased surface form of a token, so colloquial or misspelt forms still hit; a Finnish
compound is also matched by the base forms of its parts when Voikko is installed.

Entry syntax (one entry per whitespace-separated item):

``stem``       Finnish/Swedish: the stem may occur anywhere in the word, so compound parts
               count (``jono`` hits *puhelinjonossa*). English: the word starts with it.
``^stem``      the word starts with the stem.
``=word``      the whole word (lemma or surface) equals it.
``!stem``      (themes only) a word containing it never counts for this theme.
``a_b_c``      a phrase: each part starts a later token, at most three tokens apart; the
               first part follows the rules above (``=ei_^kukaan``).
``entry:0.5``  the weight; 1.0 when left out. Negative weights are allowed in sentiment.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Themes. A theme is assigned when its summed weight in a comment reaches 1.0.
# ---------------------------------------------------------------------------
THEMES: dict[str, dict[str, str]] = {
    "access_waiting": {
        "fi": """
            ^jono jonot jonoa jonossa puhelinjono odot odott !odotustil !odotushuon !odotusaul
            ^pääs:0.6 ^pääsy !päässä takaisinsoit soittopyyn ^tavoit:0.8 tavoitettav
            =ei_^saa_^yhtey =ei_^saa_^yhteyt ^yhteydenot:0.5 =ei_^vasta:0.7 =kukaan_=ei_^vasta:0.5
            käsittelyaik ^käsittely:0.7 jumissa:0.7 hoitotakuu hoitoonpääs ruuhk viive viivästy
            ^viivytyks ^venyi ^venyy ^venyny ^kauan:0.6 ^pitkään:0.5 =vasta:0.4 ^vapaa_^aik:0.8
            ^vapaita_^aik:0.8 ^nopea:0.5 ^nopeasti:0.5 ^nopee:0.5 ^nopsa:0.5 =heti:0.4
            =sama_^päivä:0.7 =samana_^päivä:0.7 =saada_^aik:0.6 ^sai_^aj:0.6 ^sain_^aj:0.6
            ^luovut:0.5 ^istua:0.3 ^istuin:0.3 ^jonottamat ^pikaise:0.4 =viikko_^pää:0.6
            ^päivystykse:0.3 =läpi:0.5 ^aikaa_=ei:0.3 ^ajan_=vasta:0.6 =aika_=vasta:0.6
            ^jonotusai ^odotusai ^kiireellis:0.3 ^soitin:0.3 ^soitella:0.3 ^soittel:0.4
            ^myöhäs:0.3 ^hakemu:0.4
            ^myöhäs:0.8 ^myöhästy:0.8
        """,
        "sv": """
            vänt ^kö =kön ^köa ^köer ^snabb:0.5 ^direkt:0.4 ^få_=tid:0.6 ^fick_=tid:0.6 läkartid:0.6
            handläggning ^dröj ^ringa_^tillbaka återuppringning =tillgång:0.8 ^komma_=fram:0.8
            ^lång_^tid:0.6 ^länge:0.6 ^väntelist ^väntetid !väntrum !väntsal ^genast:0.4 ^svara:0.3
            ^svarade:0.4 ^inga_^tider:1 ^timmar:0.3
        """,
        "en": """
            wait !waiting_room queue waiting_list delay callback call_back get_through
            get_an_appointment:0.7 get_appointment:0.7 =access:0.8 quick:0.5 fast:0.5
            straight_away:0.5
            took_weeks took_months =hours:0.3 reach:0.6 answer:0.3 no_answer:0.7 still_waiting
            =appointment:0.3 long_time:0.6
            =hours_in:0.5 in_and_out:1 line_was:0.5
        """,
    },
    "booking_digital": {
        "fi": """
            ajanvara ajanvaru ^varata:0.6 ^varaa_^aik ^varasin:0.6 ^varattu:0.4 ^varau:0.6
            =perua:0.7 perumi:0.7 peruutu:0.7 peruut:0.7 ^perut:0.7 ^peruin:0.7 ^perum:0.7
            ^perun:0.7
            ^perui:0.7 netti ^netis verkkopalv verkkoasio ^verkossa:0.8 ^sähköi:0.7 sovellu ^appi
            ^äppi chat ^chät ^chatti video etävastaanot etäyhtey:0.6 etäpalvel ^etä:0.5 !etäisyy
            kirjautu tunnistautu pankkitunnu tunnukse:0.6 omaolo omakant ^digi tekstivie ^tekstari
            ^sähköposti:0.6 linkki nettisivu verkkosivu kotisivu ^sivusto järjestelmä:0.4
            ^lomake:0.5 ^mobiili ^kännyk:0.4 ^puhelimella:0.3 =sivu:0.5 ^sivut:0.4 ^nettiaj
            ^ajan_^varaa ^ajan_=varata ^ajat_^varat:0.5 ^tietokon:0.5 ^ruutu:0.3 ^päivity:0.3
        """,
        "sv": """
            tidsbok ^boka ^bokning avbok ^avbest e-tjänst etjänst ^chatt =app ^appen ^logga_=in
            inloggning bankid bankkod video distans ^digital ^nätet ^webb =sms ^sms ^sajt hemsida
            ^internet ^online ^länk ^sidan:0.4 ^e-post:0.5 ^mejl:0.5
        """,
        "en": """
            book booking cancel online =app apps chat video remote log_in login logged website
            =web portal bank_credentials credentials text_message =sms digital e-service reschedul
            =link =email:0.5 =phone_app system:0.4 password
        """,
    },
    "staff_attitude": {
        "fi": """
            ystävälli epäystävälli tyly töykeä tökerö kohtelia epäkohtelia kohtelu ^kohdel ^kohdat
            ^kohtaa:0.6 kohtaami ^asenne ^asentee kunnioi ^arvost:0.7 ihmisarvo nöyryyt vähätel
            alentuv ylimieli ^kuunnel ^kuunte ^kuuntel kuulluksi ^välinpit ^välittä:0.6 empaatt
            empatia myötätun ^lämmin:0.6 ^lämpimä:0.6 sydämelli rauhalli:0.5 kärsivälli ^hymy
            hyväntuuli kiukkui ^ärtyi ^ärtyny ^ärsyynty vihaine ^huusi:0.7 ^huuta:0.7 tiuska
            ^pilkat ^syyllist ^tuomit ^epäil:0.6 ^hoputt ^kiirehti:0.4 ^uskonut:0.8 ^uskottu:0.8
            ^uskoa:0.5 ^kovakoura:0.5
            ^tosissa:0.8 ^vakavasti:0.8 ^otti_^aik:0.8 ^ottaa_^aik:0.8 ^tervehti ^sano_^päivää
            ^sanoo_^päivää ^jaksoi:0.5 ^ymmärsi:0.5 ymmärtäväi ^rikolli:0.8 ^leimat ^loukkaa
            ^loukkaav ^kommentoi:0.5 ^silmiin:0.6 ^ihmisenä:0.6 ^huomioi:0.4 ^inhimilli
            ^mukava:0.3 ^ihana:0.3 ^kiva:0.2 ^kultaa:0.5 ^avulia ^palvelualtti ^auttavai
            ^röyhke ^ylimiel ^nolat ^ivalli ^asiallis:0.7 ^epäasiallis ^välinpitämät ^kylmä:0.4
            ^kiukku ^tuijott:0.7 ^ottaa_^vakavasti ^otettu_^vakavasti ^otettu_^tosissa
            ^puhui_^alentu ^kohteliaa ^tyypp:0.3 ^reilu:0.3
        """,
        "sv": """
            bemöt vänlig ovänlig otrevlig ^trevlig:0.6 ^snäll:0.4 respekt ^lyssna förståend
            oförskämd nonchalant arrogant nedlåtand kränk ^lugn:0.4 empati ^tog_^sig_=tid:0.8
            ^ta_^sig_=tid:0.8 ^allvar:0.8 ^bryr:0.6 omtänksam ^otrevl ^hjärtlig ^varm:0.5 ^sur:0.5
            ^oprofessionell:0.5 ^tålmodig ^skäll ^hånade ^ignorer
        """,
        "en": """
            kind unkind rude respect disrespect dignity listen believe empath compassion friendly
            unfriendly polite impolite dismissive condescend arrogant caring attitude treated
            treat_me:0.7 took_time took_the_time very_patient so_patient was_patient shout yell
            smil warm:0.5 nice:0.3 lovely:0.3 judg ignor patronis patroniz humiliat insult
            =love:0.3 loves:0.3 welcom:0.5 courteous helpful:0.3
        """,
    },
    "care_quality": {
        "fi": """
            perusteelli huolelli huolimato ^pätev ammattitai ^osaava osaami osaamatto ^tutki
            diagnoo ^kuvat:0.6 ^kuvaamat:0.8 röntgen magneett ultraä ^laatu laadukas ^hoito:0.3
            hoitovirhe paikkau ^leikkau:0.3 ^kuntout:0.5 ^tehok:0.6 ^katsoi:0.4 ^katsot:0.3
            ^tarkist:0.4 ^puudut ^neula:0.5 ^tökki ^pinnalli pintapuoli ^hätäi:0.6 ^hutilu
            ^syyn:0.4 ^syy_^löyt:0.8 ^löysi_^syy:0.8 ^löysi:0.4 ^löytyi_^syy:0.8 ^hoiti:0.4
            ^hoidett:0.3 ^ruoka:0.5 ^ateri:0.5
            kivunhoi kivunlievi ^tarkastu:0.4 ^murtu:0.6 ^venähdy:0.6 ^virhearvi ^kunnolla:0.5
            ^irto:0.6 ^irronnut:0.6 ^toimenpi:0.4 ^hoitomuo ^lääkityks:0.3 ^lääkitys:0.3
            ^fysioterap:0.3 ^terapia:0.2 ^hoitaa_=hyvin:0.7 ^ammattila:0.4 ^onnistu:0.4
            ^vastaanott_=hyvä:0.3 ^tutkimu ^verikoke ^näyte:0.3 ^ohi_^menn:0.3 ^huomannut:0.3
            ^huomasi:0.4 ^kasvukäyr:0.6 ^seuran:0.3 ^hoitoa:0.3 ^palvelu_^hyvä:0.3
            ^hoito_^hyvä:0.8 ^hoito_^kunnolli:0.8 ^korjat:0.4 ^haavanhoi:0.8 ^menee_^ohi:0.6
        """,
        "sv": """
            kunnig noggrann grundlig ^behandl:0.6 ^undersök diagnos kompetent professionell
            kvalitet omhändert ^slarv felbehandl ^vård_=bra:0.5 ^prov:0.3 ^röntgen ^läkarbesök:0.3
            ^skicklig ^missa:0.5
            ^operation:0.6 ^kirurg:0.6
        """,
        "en": """
            thorough competent incompetent professional diagnos misdiagnos treatment:0.6 examin
            checked:0.4 skilled careful careless quality x-ray =scan scanned =test:0.3 tested:0.3
            care_was:0.5 =surgery:0.4 missed:0.4
            great_job:0.8 surgeon:0.6 treatment_was:0.5 recovery:0.4
        """,
    },
    "information": {
        "fi": """
            ohje !ohjelm tiedo ^tieto:0.6 ^tiedä:0.5 ^tiennyt:0.7 ^tienny:0.7 ^tietää:0.4
            ^kerto:0.5 ^kerrot:0.7 ^kertonut:0.7 ^kertoi:0.5 selittä ^selit ^selvit:0.4 ^info
            kirje ^päätös:0.5 ^päätöks:0.5 ^tulokse:0.8 ^tulos:0.6 ^vastaus:0.3 ^ymmärtän:0.5
            ^ymmärrä:0.5 ^ymmärtäny:0.5 epäselv ^selke:0.6 ^selkoa:0.6 ^selvää:0.5 ^ilmoit:0.6
            ^ilmot:0.6 ^kysymyks:0.5 ^kysyttäv:0.6 vinkk materiaal ^esite kirjallis suullis
            etukäte:0.6 virkakiel ^neuvo:0.4 !neuvola !neuvonta ^tiedus:0.5 ^opast:0.4 !opaste
            ^mitä_^seuraavak:0.8 ^mitä_^tapahtu:0.6 ^syytä:0.4 ^perustel:0.5 ^tiedot:0.5
            ^tiedote ^viesti:0.3 ^kirjoitti:0.2 ^kertomatta ^ilmoittamat ^lausunto:0.4
            ^tietoon:0.4 ^kertomat ^tiedottam ^epätieto ^pimeä:0.2
            =ei_^kerro =ei_^kerto =ei_^kerrot =ei_^tien =ei_^tied =ei_^tiet:0.8 =ei_^ilmoit
            =ei_^ilmot =ei_^ymmär:0.7 =ei_^selit =ei_^selv:0.7 =ei_^vastat:0.5 ^kertoi_=mitä
            ^kertoa_=mitä ^kertoi_=miten ^selitti ^selittä ^ohjeistu ^tiedotu ^kukaan_=ei_^kert
        """,
        "sv": """
            ^inform ^förklar instruktion ^besked ^brev ^beslut:0.5 provsvar ^svar:0.3 ^fick_=veta
            ^berätt:0.6 ^oklar ^tydlig:0.6 ^meddel:0.7 ^upplys ^info ^visste:0.5 ^veta:0.4
            ^förstå:0.3 ^frågor:0.5 ^ingen_^förklar ^ingen_^berätt ^inte_^förklar:0.8
            ^inte_^berätt ^inte_=veta:0.8 ^någon_^förklar:0.8
        """,
        "en": """
            inform explain instruction told:0.7 tell:0.5 letter decision:0.5 result unclear
            clear:0.4 =know:0.3 knew:0.3 answer:0.3 no_idea what_happens_next update:0.5 notif
            leaflet written:0.5 question:0.4 nobody_told no_one_told didn't_tell not_told
            wasn't_told never_told not_explained without_explain nobody_explain
        """,
    },
    "continuity_coordination": {
        "fi": """
            =sama_^lääkär =sama_^hoitaj =sama_^työntek =sama_^omalääk =sama_^ihmi:0.8
            =samaa_^lääkär omalääkär omahoitaj ^vaihtu ^vaihtuv =eri_^lääkär =eri_^hoitaj
            =eri_^työntek =eri_^ihmi:0.8 =eri_^paik:0.6 =eri_^paikka:0.6 =alusta:0.6 ^alusta:0.5
            ^uudestaan:0.5 ^uudelleen:0.4 ^lähete:0.6 ^lähettee:0.6 ^ohjat:0.6 ^ohjaa:0.4
            ^pompot luukult luukulle ^palveluohja ^yhteistyö tiedonkulk ^jatkohoi ^jatkot:0.8
            =jatko:0.5 yhteensov koordin ^siirre:0.3 ^kotiutu:0.5 ^kotiutuk:0.5 ^kotiut:0.3
            =toinen_^lääkär:0.7 =kukaan_=ei_^hoi:0.7 ^tuttu:0.5 ^tunne_=kukaan:0.6
            ^tunte_=kukaan:0.6 ^ympyrä:0.7 ^paikasta_^toise ^takaisin_^sinne:0.4 ^kelaan:0.3
            ^välillä:0.2 ^vaihdo:0.6 ^tarina:0.4 ^edellis:0.3 ^muistaa:0.3 ^muistaa_^edellis:0.6
            ^sijaine:0.5 ^sijais:0.5 ^jatkuvuu
            =ei_^tunne:0.6 ^vakihoitaj:0.5 ^pysy_^sama:1 ^kelassa:0.3 ^kelasta:0.3
            ^kuuluu_^toise:0.6
        """,
        "sv": """
            kontinuitet ^samma_^läkare ^samma_^person ^samma_^sköterska ^ny_^läkare
            ^olika_^läkare ^olika_^personal:0.8 =byts:0.8 ^byte:0.5 ^bytt:0.6 remiss ^skick:0.3
            samordn överlämn hänvis ^från_^början:0.6 ^om_=igen:0.4 ^ny_^person:0.6 ^varje_^gång:0.3
            ^ny_^vård:1 ^ny_^hälsovård:1 ^varje_^besök:0.5
        """,
        "en": """
            continuity same_doctor same_nurse same_person same_one different_one different_doctor
            different_nurse different_person new_nurse new_doctor referral referred handover
            sent_back back_and_forth coordinat passed_around from_scratch start_over again:0.3
            repeat:0.5 every_time:0.3 every_day:0.2
            different_carer:1 different_nurse:1 different_doctor:1 =routines:0.4 =none_of_them:0.4
        """,
    },
    "facilities_accessibility": {
        "fi": """
            odotustil odotushuon odotusaul ^tilat ^tiloi ^tilassa:0.5 ^tilaa:0.3 parkki pysäköi
            ^esteet ^esteellin pyörätuoli rollaattor ^hissi ^portaa ^portai ^ramppi ^luiska
            ^siisti:0.7 ^siivo ^likai ^sotku:0.3 ^roska ^roskis ^vessa ^wc ^toalet opaste kyltti
            ^eksy ^sijain ^matka:0.5 !matkakor ^bussi:0.6 kulkuyhtey ^julkis_^liikent ^kaukana:0.6
            ^etäisyy ^huonee:0.4 ^huone:0.4 ^ahdas:0.8 ^ahtai:0.8 ^meluis ^valoisa:0.7 ^piha:0.6
            käytävä:0.6 ^pimeä:0.4 yksityisyy ^intimi ^ääneen:0.6 ^kuulee:0.4 ^tuole:0.5 ^tuoli:0.4
            sisäänkäyn ^ovi:0.3 ^ovissa:0.4 ^rakennu:0.6 ^aula suihku:0.5 nostim pukuhuon
            ^allas:0.3 ^sokkelo ^kilometr:0.5 =km:0.5 ^kiinteis ^remont ^homee ^sisäilm ^kylmä:0.3
            ^kuuma:0.3 ^ilmanvaiht ^kynnyk ^opastu:0.4 ^kauniis:0.4 ^kaunis:0.4 ^paikoitus
            ^pääsee_^ulos:0.6 ^talo:0.3 ^siirrettiin:0.4 ^toiselle_^puolelle:0.6 ^matkaa:0.4
            ^pöly:0.8 ^haise:0.5 ^istumapaik:1 ^käytäv:0.5
        """,
        "sv": """
            ^lokal parkering tillgänglighet:0.6 rullstol rullator ^hiss trappa ramp smutsig ^städ
            toalett skylt ^hitta:0.4 avstånd resväg ^buss väntrum väntsal ^trång ^mörk ^ren:0.3
            ^byggnad ^långt_^bort:0.6 ^kilometer:0.5 =km:0.5 ^korridor ^dörr:0.3
            ^ljus:0.4 ^rum:0.6
        """,
        "en": """
            premises building parking accessib wheelchair =lift:0.6 elevator stair ramp clean
            dirty toilet restroom =sign =signs signage =lost walked_around distance drive:0.5
            =km:0.5 =bus:0.6 waiting_room privacy lobby corridor =room:0.3 rooms:0.4 crowded
        """,
    },
    "safety": {
        "fi": """
            virhe:0.6 ^väär_^lääk ^väär_^resept ^väär_^annos ^väär_^potila ^väär_^henkil:0.7
            ^annos:0.4 kaksinkertai:0.5 lääkevirhe ^lääk_^antamat ^lääkkeet_^jää ^antamat:0.6
            ^unoht:0.3 ^kaatu:0.8 ^kaatum ^kaatuil ^lattial:0.7 ^haitta:0.4 ^vaara:0.8 vaarall
            turvallisuu:0.7 ^turvato infekt tartun käsihygien ^hansk:0.7 ^desinf ^kotiutett:0.6
            laiminly heitteil ^vahingo:0.6 läheltä_=piti ^sekaisin:0.4 =toinen_^ihmi:0.5
            =toinen_^potila:0.7 ^tarra:0.5 hälytysk turvaranne turvapuhel insuliin:0.6
            painehaav ^murtu:0.4 väkival ^mustelm ^kovakoura ^sidot ^lukitt:0.5 ^jätet_^yksin
            ^jätetä_^yksin ^jäi_^yksin ^yksin_^yö potilasturv asiakasturv ^sekava:0.4 ^oksent:0.4
            annosjakel:0.6 ^dosett:0.6 ^verenohen:0.2 ^hygieni:0.6 ^laiminly ^heitteil
            ^vahingoitt ^loukkaant ^löi_^pää ^lyönyt ^lyö:0.5 ^tarttui:0.4 ^osuma ^tapaturm
            ^palovamm ^painau ^nälissä:0.3 ^ilman_^ruoka ^syömät:0.5 ^kuivu:0.4 ^hengenvaar
            ^turvallisu:0.5 ^epäturvalli ^riski:0.5 ^vaaratilan ^lääkkeet_^jäi ^lääkkeitä_^jäi
            ^jääny_^antamat ^insuliini:0.6
            ^makasi_^lattia ^tekemättä:0.5 ^hoitamat:0.6 ^käymättä:0.6 ^laihtu:0.5
            =ei_^saa_^ruoka ^väärin:0.3 ^tupla:0.6 ^toisen_^potila ^tokkur:0.5 ^laitoj:0.5
            ^veltto:0.5 ^noro:0.8 ^pes_^käs:0.8 ^tönäis ^töni:0.8 ^unoht_^antaa:0.8
        """,
        "sv": """
            ^fel_^medicin ^fel_^dos ^fel_^läkemedel felaktig:0.5 ^föll ^ramla ^fall:0.4 säkerhet
            ^osäker:0.8 ^skada:0.6 infektion smitta vårdskada misstag ^glömt:0.3 ^ensam:0.4
            ^blåmärk ^våld ^farlig ^risk:0.5 ^låg_^golv ^golvet:0.6 ^fel_^patient ^hygien:0.6
            ^låser:0.8 ^låst:0.6 ^inte_^fått_^medicin ^blöd:0.6 ^slog:0.6 ^glömde_^medicin
        """,
        "en": """
            wrong_medication wrong_medicine wrong_dose wrong_patient wrong_pills mistake error
            fell:0.8 fallen =fall:0.5 unsafe safety infection =harm harmed injur bruis neglect
            left_alone missed_dose overdose near_miss hygiene gloves discharged:0.4 dangerous
            on_the_floor hit_her_head hit_his_head
            slap punch kicked =pushed:0.6 not_given_medication not_been_given:0.8 reaction:0.4
            sent_home:0.5 confused:0.4 medication:0.3
        """,
    },
    "costs_billing": {
        "fi": """
            lasku !laskuri maksu ^maksa !maksaa_=veroj ^maksoi ^maksett ^maksam ^hinta ^hinno
            ^hinna ^euro:0.8 =e:0.3 ^kallis ^kalli ^edullis ^ilmai:0.7 omavastuu palvelusetel
            ^korvau:0.6 !korvaushoi maksukatto ^periä ^perintä ^sakko ^raha:0.5 ^eläke:0.4
            =ei_=olla_=vara tility ^summa:0.5 ^kustann ^kustant ^maksuton ^laskut ^asiakasmaks
            ^veloit ^hyvity ^maksusitoum ^toimeentulotu:0.3 ^taksi:0.3 ^lääkekulu ^matkakulu
            ^matkakorv ^köyhä:0.5 ^varaa_=ei:0.7 ^kela-korv
        """,
        "sv": """
            avgift faktura räkning:0.8 kostnad ^kosta ^betal pris ^dyr självrisk avgiftstak
            servicesedel ersättning ^pengar:0.5 =kr:0.6 ^kronor:0.6 =euro:0.8 ^debiter
        """,
        "en": """
            fee bill invoice =charge charged cost pay price expensive refund reimburs voucher
            euro money:0.5 afford no-show =eur
        """,
    },
    "language_interpretation": {
        "fi": """
            ^tulk kiel !kielteis !kielteinen !kielto !kieltäyt !kieltäm ^suome:0.6 ^suomi:0.6
            ^suomek:0.8 ^suomen_^kiel ^ruotsi:0.8 ^englan:0.8 ^saame:0.9 ^saamen ^viittoma
            selkokiel ^käännö ^käänt:0.5 ^arabi:0.7 ^venäjä:0.6 ^somali:0.6 ^ukrain:0.5
            ^äidinkiel ^persia:0.6 ^dari:0.6 ^kurdi:0.6 ^vironkiel ^eesti:0.5 ^viro:0.4
            ^ymmärtänyt_=mikään:0.2 ^kumpaa:0.3
            ^virkakiel:1
        """,
        "sv": """
            ^tolk ^språk ^svensk:0.8 ^finsk:0.8 ^engelsk:0.8 ^modersmål teckenspråk lättläst
            klarspråk översätt ^samisk ^arabisk:0.7 ^på_=finska ^på_=svenska
            ^prata_^svenska:1 ^på_^svenska:1
        """,
        "en": """
            interpret translat language finnish:0.8 swedish:0.8 english:0.6 arabic:0.8 =sami
            sign_language plain_language russian:0.6 somali:0.6 ukrainian:0.6
            in_english:1 spoke_english:1
        """,
    },
    "participation_influence": {
        "fi": """
            osallis ^vaikutta:0.4 vaikutusmahd ^mielipi ^kuulluksi palaut:0.7 !palautu
            suunnitelm:0.5 ^päätti:0.6 ^päätet:0.5 ^päättä:0.4 ^päätök:0.3 ^päätös:0.2
            ^kysymättä ^kysy:0.4 ^kysyt:0.5 =ilman_=minä:0.7 ^ilman_^omai:0.8 ^ilman_^meitä
            valinnanvapau ^valit:0.6 !valitta !valitus ^valin:0.4 =itse_^vali =itse_^valit
            =itse_^päät ^mukana:0.5 ^kehittä:0.6 ^raati ^raadi ^kysely:0.7 ^ideo:0.7 ^ehdot:0.4
            ^sanoa_=mikään:0.8 ^sanoa_^mitään:0.8 ^kutsu:0.5 ^toive:0.4 ^mielipitee
            ^vaikutusvalt ^yli_^pää ^huomioon:0.4 ^palaveri:0.4 ^palaveriin:0.4 ^neuvottel:0.4
            ^osallist ^sananvalt ^äänest ^kuulemi ^asiakasraat ^kokemusasiantunt ^yhdessä:0.4
            ^saa_^päättää ^sai_^päättää ^mielestä:0.2 ^omaisia:0.3 ^meiltä:0.2 ^itseltään:0.6
            ^kuunneltiin:0.3 ^kysyi:0.3 ^kysyy:0.4 ^kysytä:0.6 ^kysytty:0.6 ^kysyttiin:0.6
            ^kysymykset:0.2
            ^kysytty:0.8 ^kysytä:0.8 =ei_^kysy:1 ^kutsuttu:0.6 ^palaveri:0.6 ^palaut_^lue:1
            ^palautet:0.6 ^mukaan_^suunnitel:1
        """,
        "sv": """
            delaktig inflytand ^påverk ^fråga:0.4 ^frågar:0.5 ^frågade:0.4 bestäms:0.8
            ^bestäm:0.5 ^välja:0.7 ^valde:0.6 ^valfri vårdplan genomförandeplan ^åsikt ^medverk
            ^synpunkt ^feedback ^respons:0.5 ^själv_^vill:0.5 ^vill_=själv:0.5 ^huvud:0.4
            ^delta:0.8 ^klientråd ^ingen_^frågade:1
        """,
        "en": """
            involv participat have_a_say opinion =views choice choose chose care_plan
            feedback:0.7 decided:0.6 without_asking consult asked_me:0.6 never_asked:0.8
            wishes:0.5 input:0.4
            =asked:0.5 nobody_asked:1 take_part:1 complaint:0.6 =involved:1 what_she_wanted:0.8
            what_he_wanted:0.8 what_happened_to:0.6
        """,
    },
    "outcome_help": {
        "fi": """
            ^apu:1 ^apua:1 ^avun:1 ^avus:0.6 ^auttoi ^autta:0.6 ^avuksi ^hyöty ^hyödy
            ^hyödyt ^turha:1 ^turhaa:1 ^paran:0.5 !parannusehd ^kunto:0.4 ^kuntoon:0.5
            ^ratkai ^ratkes =arki:0.6 ^arjes:0.6 ^arjen:0.6 ^pystyn:0.6 ^pystyy:0.4 ^pysty:0.2
            ^elämä:0.5 ^elämän:0.5 ^tuki:0.2 ^tukea:0.3 ^vointi ^kivu:0.4 ^kipu:0.3 ^iloisem
            ^virkist ^kävel:0.3 ^helpott:0.5 ^töihin:0.4 ^töissä:0.4 ^työkyk ^sairausloma:0.4
            ^jaksan:0.4 ^hallinna:0.5 ^selviyty:0.5 ^selviä:0.4 ^toimeen:0.4 ^kuntout:0.2
            ^parempi:0.4 ^paremmi:0.4 ^huonomp:0.4 ^huononi:0.5 ^tilanne:0.3 ^asunto:0.3
            ^harrastu:0.3 ^muuttanut:0.3 ^oikeasti_^apu:0.5 ^pelko:0.3 ^kipee:0.4 ^kipeä:0.3
            ^ilman_^apu ^jäi_^ilman ^mitään_^apua ^muutost:0.3 ^hyödyllis =taas_^kävel:0.7
            ^kävelee_=taas:0.7 ^pystyn_=taas:0.7 ^pääsen_=taas:0.7 ^raitti:0.6 ^ilman_^viina:0.7
            ^ilman_^kipu:0.7 ^kuntoon ^apu_^saa ^saa_^apu ^sai_^apu ^sain_^apu ^saatiin_^apu
            ^saada_^apu ^auttanut ^ei_^auta:0.5 ^muuttunut:0.3 ^edistyny:0.6 ^edisty:0.5
            ^parant:0.6 ^helpott:0.6 ^järjestyk:0.6 ^pahenee:0.8 ^huononee:0.8 ^jatkuu:0.4
            ^päästä_^irti:1 ^mieli_^parempi:1 ^myöhä:0.4
        """,
        "sv": """
            ^hjälp:0.7 !hjälpmed ^nytt ^bättre:0.5 ^förlorat:0.5 ^lös:0.3 vardag:0.6 ^orka:0.3
            ^fick_^hjälp ^ingen_^hjälp ^klarar:0.5 ^jobbet:0.4 ^mår:0.4 ^försämr:0.5
            ^hjälpte ^förbättr:0.6 ^blev_^bättre ^ingen_^nytta ^löst
            ^mår_^sämre:1 ^sämre:0.6 ^bättre:0.6 ^hjälpt:1 ^utan_^käpp:1
        """,
        "en": """
            help:0.7 helped helpful useless difference better:0.5 solved outcome nowhere improv
            daily_life worse:0.5 recover:0.5 got_no_help no_help made_it_worse back_to_work
            can_walk pain_free
            getting_worse:1 worse:0.6 better:0.5 without_pain:0.8 =helped:1 back_on_my_feet:1
        """,
    },
}

# Nouns for staff: a weak praise word ("ihana", "nice") speaks of attitude only when a
# staff member is the subject of the same sentence.
STAFF_NOUNS: dict[str, str] = {
    "fi": """
        hoitaja lääkär henkilökun henkilöst työntekij virkailij ohjaaja fysioterap terapeut
        hammaslääk kätilö avustaj psykolog tohtori sosiaalityönt sossu hoitohenkil ^hoitsu
        ^lekuri ^täti ^setä terveydenhoit näytteenott vastaanottovirk ^neuvoja ^henkilö:0.5
        ^ihminen:0.5 ^tyyppi:0.5 ^sihteer ^palveluohjaaj ^omahoitaj ^ensihoitaj
        terkkari perhetyönt ^suuhygien ^hoitsu ^hoitajat ^vakihoitaj ^kardiolog ^kirurg
    """,
    "sv": """
        personal läkare sköterska vårdare hemvård skötare hälsovård socialarbet terapeut
        ^doktor ^tandläkar ^barnmorsk ^handläggar ^assistent ^fysioterapeut
        ^kirurg ^psykolog ^hemvårdar ^sjukskötar
    """,
    "en": """
        staff nurse doctor worker therapist receptionist carer caregiver dentist midwife
        physio social_worker =gp assistant personnel
        surgeon =staff_member
    """,
}

# Weak praise/complaint words that count for staff_attitude only next to a staff noun.
STAFF_WEAK_WORDS: dict[str, str] = {
    "fi": """
        ^ihana ^mukava ^kiva =hyvä ^hyviä:0.8 ^mahtava ^upea ^huono:0.8 ^kamala ^kultaa
        ^hieno:0.8 ^ok:0.5 ^tyly ^paras ^sydämellinen ^iloinen ^kiltti ^ihania ^kivoja ^kivat
        ^mukavi ^mukavat
        ^lempeä ^hellävarai ^huolelli:0.8 ^kärsivälli ^rauhalli:0.8 ^ystävälli ^tyly
        ^rehellis:0.6 ^arvost:0.8 ^rauhoitt:0.8 ^tuhahtel ^naureskel ^tökki:0.6
    """,
    "sv": """
        ^snäll ^trevlig ^jättesnäll ^gullig ^bra:0.8 ^underbar ^fantastisk ^dålig:0.8 ^otrevlig
        ^kanon
        ^omtänksam ^respektfull ^vänlig ^tålmodig:0.8 ^noggrann:0.6 ^lyssna:0.8 ^hjälpsam
    """,
    "en": """
        nice lovely =love loves great:0.8 wonderful amazing awesome =bad:0.8 kind sweet best
        gentle patient:0.8 calm calmed caring dismissive rude friendly helpful respectful
        thorough:0.5 answered:0.6 warm warmth dignity
    """,
}

# Words that put the comment in a digital context: "kaatuu" then means a crashing app,
# not a person falling.
DIGITAL_CONTEXT: dict[str, str] = {
    "fi": """
        sovellu ^appi netti verkkopalv omaolo omakant järjestelmä nettisivu sivusto ^sivu
        ^chat ^tietokone ^ohjelm lomake ^palvelin ^kirjautu ^digi tunnistautu ^sähköi
    """,
    "sv": "^app ^appen ^sidan ^systemet ^webb ^nätet ^datorn ^inloggning",
    "en": "=app website system portal =site computer program login online",
}

# ---------------------------------------------------------------------------
# Sentiment. Weights are signed: positive > 0, negative < 0. A negator flips the
# next polar word within three tokens.
# ---------------------------------------------------------------------------
SENTIMENT: dict[str, str] = {
    "fi": """
        =hyvä:1 ^hyvää:1 ^hyvin:0.8 ^hyviä:1 ^kiit:1.2 ^ihana:1.2 ^ihania:1.2 ^mahtav:1.2
        ^loistav:1.3 erinomai:1.3 ^upea:1.2 ^kiva:0.9 ^kivoja:0.9 ^mukava:1 ^mukavi:1
        ystävälli:1 epäystävälli:-1.2 ^ammattitai:0.8 ^pätev:0.8 perusteelli:0.8
        huolelli:0.8 ^helppo:0.8 ^helposti:0.8 ^kätevä:1 ^kätevästi:1 ^sujuva:0.8 ^sujui:0.8
        ^sujuu:0.6 ^nopea:0.7 ^nopeasti:0.6 ^nopee:0.7 ^selkeä:0.7 ^selkeät:0.7 ^selkeästi:0.7
        tyytyväi:1.2 ^iloinen:0.8 ^ilo:0.6 !ilotul ^onnistui:0.8 ^onnistu:0.6 ^toimi:0.5
        ^toimiva:0.7 ^toimii:0.5 ^toimivat:0.4 ^auttoi:0.9 ^autta:0.4 ^kaunis:0.7 ^valoisa:0.6
        ^hieno:1 ^hienosti:1 ^kultaa:1 ^esteetön:0.6 ^rauhalli:0.5 ^lämmin:0.6 ^lämpimä:0.6
        ^kohtuulli:0.6 ^parani:0.8 ^parantu:0.6 ^kuunnel:0.6 ^kuunte:0.6 ^tehok:0.6
        ^suosit:1 ^arvost:0.7 ^hyväntuuli:0.9 ^hymy:0.6 ^turvallinen:0.6 ^turvallise:0.5
        ^paras:1.2 ^parhai:1.2 ^kiitollinen:1.3 ^kiitolli:1.3 ^huippu:1.2 ^täydelli:1
        ^asiantunte:0.6 ^empaattinen:1 ^sydämelli:1 ^kärsivälli:0.8 ^reilu:0.7 ^oikeudenmuk:0.6
        ^tyyty:1 ^onnelli:1 ^mahtava:1.2 ^hyödylli:1 ^ok:0.4 =okei:0.3 ^kunnolla:0.5
        ^vihdoin:0.3 ^positiivi:0.8 ^jees:0.7 ^jeps:0.5 ^superkiva:1.2 ^superhyvä:1.2
        ^ystävällisesti:1 ^lempeä:0.8 ^huomaavai:0.9 ^pelasti:1 ^kannatti:0.8 ^avulia:1
        ^palvelualtti:1 ^auttavai:1 ^inhimilli:0.8 ^turvallinen_^olo:0.8 ^kivuton:0.8
        ^sujuvasti:0.8 ^tosi_=hyvä:0.3 ^hyvä_^palvel:0.3 ^paremmi:0.4 ^iloisem:0.8
        ^virkist:0.6 ^kiireettöm:0.6 ^nopeammin:0.5
        ^huono:-1.2 ^huonoa:-1.2 ^tyly:-1.3 ^töykeä:-1.3 ^kamala:-1.2 ^surkea:-1.3
        ^kauhea:-1.2 ^hirveä:-1.2 ^hirvee:-1.2 ^paha:-0.8 ^ikävä:-0.8 ^pettymy:-1.2
        ^pettyny:-1.2 ^petty:-1 ^valitta:-0.6 ^ongelm:-0.7 ^vaikea:-0.6 ^vaikeaa:-0.6
        ^vaikee:-0.6 ^hankala:-0.6 ^hankalaa:-0.6 ^likai:-0.9 ^ahdas:-0.6 ^ahtai:-0.6
        ^pimeä:-0.4 ^sekava:-0.5 ^sekavi:-0.5 ^kallis:-0.6 ^kalli:-0.6 virhe:-0.7
        ^väärä:-0.7 ^väärin:-0.7 epäselv:-0.7 ^myöhäs:-0.6 ^turha:-0.9 ^turhaa:-0.9
        ^luovut:-0.8 ^jumissa:-0.8 ^sotku:-0.7 ^unoht:-0.5 ^joutu:-0.5 ^jouduin:-0.6
        ^huolissa:-0.8 ^pelott:-0.7 ^raivost:-1.2 ^suutu:-1 ^epäreilu:-1.2 ^kohtuuto:-1.2
        ^alentu:-1.2 ^nöyryyt:-1.3 ^loukkaa:-1 ^loukkaav:-1.2 ^turhautt:-1.2 ^turhautu:-1.2
        ^harmi:-0.8 ^harmitt:-0.9 ^valitettav:-0.8 ^liian:-0.7 ^liikaa:-0.5 ^eksy:-0.6
        ^kiukkui:-1.2 ^huusi:-1 ^huuta:-0.8 ^jonot:-0.4 ^jono:-0.5 ^odott:-0.4 ^odotu:-0.3
        ^välinpit:-1.2 ^ylimieli:-1.2 ^vähätel:-1 ^töks:-0.8 ^röyhkeä:-1.3 ^hävytön:-1.3
        ^epäasialli:-1 ^epäkohtelia:-1.2 ^järkyt:-1.2 ^järkyttäv:-1.3 ^skandaali:-1.3
        ^kurja:-1 ^kehno:-1 ^heikko:-0.6 ^puutteelli:-0.9 ^laiminly:-1.2 ^vaarall:-0.9
        ^huolimat:-1 ^pinnalli:-0.8 ^hätäi:-0.6 ^kaatu:-0.6 ^rikki:-0.7 ^epäonnistu:-1
        ^valitus:-0.6 ^hukka:-0.8 ^hukkaan:-0.9 ^tuhlat:-0.8 ^stressa:-0.6 ^ahdistu:-0.6
        ^ahdistav:-0.8 ^uupu:-0.6 ^väsyny:-0.5 ^pelko:-0.3 ^pelkä:-0.4 ^itke:-0.7
        ^paha_^mieli:-0.6 ^mustelm:-1 ^pitkä:-0.4 ^pitkään:-0.5 ^kauan:-0.5 ^vasta:-0.3
        ^vaikka:-0.3 ^miks:-0.5 ^miksi:-0.5 ^eikö:-0.6 ^ymmärtämät:-0.5 ^kipe:-0.3
        ^tuskai:-0.8 ^kohteliaisuu:0.5 ^ymmärsi:0.5 ^ymmärtäväi:0.8 ^otti_^aik:0.8 ^ottaa_^aik:0.6
        ^silmiin:0.4 ^tärkeä:0.3 ^ärsyttä:-1 ^ärsytt:-1 ^ärtyi:-0.9 ^tiuska:-1.1
        ^ikävästi:-1 ^tylysti:-1.3 ^rikolli:-0.8 ^epäil:-0.5 ^tuomit:-0.6 ^epäinhimilli:-1.3
        ^kukaan_=ei:-0.6 =ei_=kukaan:-0.6 ^kenenkään:-0.3 ^ketään:-0.3 ^mitään:-0.2
        ^kiitti_=vaan:-2.6 ^kiitos_=vaan:-2.6 ^no_^olipa:-1.5 ^olipa_^taas:-1.5
        ^jälleen:-0.2 ^vieläkään:-0.7 ^edes:-0.5 ^pelkkä:-0.3 ^pelkä:-0.2
        ^ilman_^anteeksi:-0.8 ^huonosti:-1 ^kehnosti:-1 ^heikosti:-0.8 ^puuttu:-0.5
        ^lopulta:-0.2 ^hukas:-0.7 ^kadon:-0.6 ^kadot:-0.6 ^hyvät_=päivät:-1
        ^selkee:0.7 ^parempi:0.8 ^helpott:0.8 ^merkits:0.5 ^sattu:-0.6 ^muuttanut_^elämä:1
        ^muuttanut_^arje:1 ^jaksan_=taas:0.8 ^kunnolli:0.6 ^törkeä:-1.2 ^huomioon:0.5 ^oikeasti:0.2
    """,
    "sv": """
        =bra:1 ^jättebra:1.3 ^tack:1.2 ^toppen:1.2 ^utmärkt:1.3 ^fantastisk:1.3 ^underbar:1.2
        ^vänlig:1 ^vänligt:1 ^snäll:1 ^jättesnäll:1.2 ^trevlig:1 ^nöjd:1.2 ^glad:0.8
        ^smidig:1 ^smidigt:1 ^snabb:0.7 ^snabbt:0.7 ^lätt:0.6 ^enkel:0.6 ^enkelt:0.6
        ^lugn:0.5 ^förståend:0.8 ^kunnig:0.8 ^professionell:0.8 ^tydlig:0.6 ^tydligt:0.6
        ^fungera:0.5 ^fungerar:0.5 ^tacksam:1.3 ^omtänksam:1 ^hjälpsam:1 ^bäst:1.2
        ^omhändert:0.8 ^trygg:0.8 ^allvar:0.4 ^grundlig:0.8 ^noggrann:0.8 ^perfekt:1.2
        ^dålig:-1.2 ^dåligt:-1.2 ^otrevlig:-1.3 ^oförskämd:-1.3 ^nonchalant:-1.1
        ^arrogant:-1.2 ^besvik:-1.2 ^problem:-0.7 ^svår:-0.6 ^krånglig:-0.8 ^smutsig:-0.9
        ^dyr:-0.6 ^fel:-0.7 ^oklar:-0.7 ^sen:-0.3 ^försen:-0.6 ^länge:-0.5 ^lång:-0.4
        ^vänta:-0.4 ^väntan:-0.5 ^väntat:-0.5 =kö:-0.5 ^tyvärr:-0.8 ^för_^länge:-0.7
        ^för_^lång:-0.7 ^orimlig:-1 ^osäker:-0.8 ^rädd:-0.5 ^ont:-0.3 ^förlorat:-0.7
        ^ledsen:-0.8 ^arg:-1 ^irriter:-1 ^kränk:-1.2 ^nedlåtand:-1.2 ^ingen_^frågar:-0.6
        ^ingen_:-0.4 ^utan_^att:-0.4 ^varför:-0.5 ^bara_^på:-0.2 ^oacceptab:-1.3 ^hemsk:-1.2
        ^värdelös:-1.2 ^fast:-0.3 ^trots:-0.3 ^tråkig:-0.7 ^synd:-0.7 ^fruktansvärd:-1.3
        ^skicklig:1 ^hjälpt:1 ^hjälpte:1 ^bättre:0.8 ^respekt:1 ^döm:-0.8 ^sämre:-0.8
    """,
    "en": """
        good:1 great:1.2 excellent:1.3 =thank:1.2 thanks:1.2 lovely:1.1 wonderful:1.2
        amazing:1.2 =kind:1 friendly:1 helpful:1 =nice:0.9 =happy:1 satisfied:1.1
        pleased:1 quick:0.6 quickly:0.6 easy:0.7 easily:0.7 smooth:0.8 =well:0.7 clear:0.5
        professional:0.7 thorough:0.8 patient_with:0.7 very_patient:0.8 =love:1 loves:1
        =best:1.2 perfect:1.2 grateful:1.3 recommend:1 fantastic:1.3 brilliant:1.2 caring:1
        works_well:0.6 =fine:0.5 efficient:0.8 superb:1.3 impressed:1.1
        =bad:-1.2 terrible:-1.4 awful:-1.4 horrible:-1.4 rude:-1.3 poor:-1 disappoint:-1.2
        unacceptable:-1.4 problem:-0.7 difficult:-0.6 confus:-0.5 dirty:-0.9 expensive:-0.6
        wrong:-0.7 unclear:-0.7 late:-0.5 delay:-0.6 waited:-0.5 waiting:-0.4 =wait:-0.4
        unfortunately:-0.8 too_long:-0.8 frustrat:-1.2 angry:-1.1 upset:-1 worried:-0.8
        scared:-0.6 dismissive:-1.2 condescend:-1.2 nobody:-0.6 =no_one:-0.6 useless:-1.2
        worst:-1.4 =not_ok:-1.2 got_nowhere:-1.2 even_though:-0.4 =why:-0.4 nowhere:-0.6
        ridiculous:-1.3 shame:-0.8 lost:-0.4 walked_around:-0.4 =only:-0.2 charged:-0.4
        had_to:-0.5 can't:-0.3 cannot:-0.3 careless:-1 neglect:-1.2 unsafe:-1
        dignity:0.8 warmth:0.8 helped:1 without_pain:1 back_on_my_feet:1 gentle:0.8 worse:-0.8
    """,
}

# Negators flip the next polar word within a few tokens.
NEGATORS: dict[str, frozenset[str]] = {
    "fi": frozenset("ei en et eikä enkä emme ette eivät eikö ilman eiks ettei etten".split()),
    "sv": frozenset("inte ej aldrig ingen inget inga utan varken".split()),
    "en": frozenset(
        "not no never nobody without t cannot neither nor none nothing isn wasn didn don doesn "
        "couldn".split()
    ),
}

# Contrast markers split a comment into clauses for mixed sentiment.
CONTRAST: dict[str, frozenset[str]] = {
    "fi": frozenset(
        "mutta mut mutku kuitenkin tosin toisaalta harmi harmillista valitettavasti paitsi "
        "silti muuten".split()
    ),
    "sv": frozenset("men fast dock däremot tyvärr trots synd ändå annars".split()),
    "en": frozenset(
        "but however although though unfortunately except whereas yet otherwise".split()
    ),
}

# Markers of a suggestion or wish; a comment made only of these is neutral, and praise
# inside a conditional wish ("olisi hyvä jos") is not praise.
SUGGESTION: dict[str, frozenset[str]] = {
    "fi": frozenset(
        "voisiko voisko voisi voisitteko olisi olis ois toivoisin toivoisimme ehdotan "
        "ehdottaisin kannattaisi voitaisiinko saisiko saako olisiko auttaisi auttaisivat "
        "voisitte olisko toivon toive ehdotus kehittämisehdotus jospa".split()
    ),
    "sv": frozenset("önskar önskan förslag borde vore".split()),
    "en": frozenset("could would should suggest suggestion wish maybe perhaps please".split()),
}

# Words that only ask, for neutral questions.
QUESTION_WORDS: dict[str, frozenset[str]] = {
    "fi": frozenset(
        "miten milloin mihin missä mistä kuka kenelle mikä mitä paljonko kuinka onko saako "
        "voiko kerrotaanko voinko pitääkö tarvitseeko kannattaako".split()
    ),
    "sv": frozenset("hur när var vem vad ingår kan får finns går".split()),
    "en": frozenset("how when where who what is can do does will are".split()),
}

# ---------------------------------------------------------------------------
# Urgency: a person must read the comment today. Weights add up; 2.0 or more is urgent.
# Generous on purpose: a missed urgent comment costs far more than a false alarm.
# ---------------------------------------------------------------------------
URGENCY: dict[str, str] = {
    "fi": """
        itsemurh:3 itsetuho:3 ^itsetuhoi:3 ^tappaa_^itse:3 ^tapan_^itse:3 ^jaksa_^elää:3
        ^jaksa_=enää:1.2 ^halua_^elää:3 ^haluan_^kuolla:3 ^haluaa_^kuolla:3 ^kuolla:1
        ^kuolen:1.2 ^teen_^itse:1.5 ^tehdä_^itse:1.5 ^itselleni:0.8 ^itselleen:0.6
        ^vahingoit_^itse:3 ^viilt:2 ^elämä_^loppu:2 ^lopettaa_^elämä:3 ^päättää_^päivä:3
        ^hypätä:1.5 ^hyppää:1.5 ^hengenvaar:2.5 ^elämisen_^arvo:2.5 ^turha_^elää:3
        väkival:2.5 ^pahoinpi:2.5 ^lyö:1.2 ^löi:1.2 ^lyönyt:1.5 ^potki:1.5 ^mustelm:1.5
        ^kovakoura:2 ^tarttui:0.8 ^tönäis:1.5 ^töni:1.2 ^huusi:0.7 ^huutaa:0.5 ^uhkail:1.5
        ^uhkas:1.2 hyväksikäy:2.5 ^ahdistel:2 ^seksuaali:1 ^kaltoin:2.5 ^sidott:1.5
        ^lukittiin:1.5 ^lukitaan:1.5 ^lepsi:0.5 ^kuristi:2.5 ^nipisti:1.5 ^ravisteli:2
        heitteil:2.5 laiminly:1.5 ^jätet_^yksin:1.5 ^jätetään_^yksin:2 ^jätetty_^yksin:2
        ^yksin_^yö:1.2 ^yksin_^kotiin:1 ^yksin_^kotona:0.8 ^lapset_^yksin:2 ^ilman_^ruoka:1.5
        ^ilman_^ruokaa:1.5 ^syömättä:1.2 ^syönyt:0.6 ^nälkä:0.8 ^nälissä:0.6 ^janois:0.8
        ^juomatta:1.2 ^kuivunut:1.2 ^vaipo:0.6 ^virtsa:0.4 ^uloste:0.6 ^likaisi:0.3
        lastensuojeluilm:1.6 ^hätäilm:1.5 ^poliisi:0.6 ^hätäkesk:1 =112:1.5
        ^kaatu:1 ^kaatum:1 ^kaatuil:1.5 ^lattial:1.2 ^löi_^pää:1.2 ^lyönyt_^pää:1.2 ^pää_^kuva:0.5
        ^sekava:1 ^sekaisin:0.8 ^oksent:0.8 ^tajuto:2 ^tajunn:1.5 ^kouristel:1.5
        ^verenvuot:1.5 ^vuotaa_=verta:1.5 ^murtu:0.6 ^hengitys:0.8 ^hengenahdist:1.5
        ^henkeä:0.8 ^rintakip:1.5 ^rintaa_^kipu:1.2 ^puutu:0.3 ^halvaa:1 ^aivoinfarkt:0.6
        lääk_^antamat:2 lääkkeet_^jää:1.5 lääkkeet_^jääny:1.5 ^lääkkeitä_=ei:1
        ^antamat:1 lääk_^unoht:1.5 ^insuliini:1 ^insuliinia:1 ^diabeetik:0.5 ^verensoke:0.8
        ^väärä_^lääk:1 ^väär_^lääk:1 ^väär_^annos:1 ^yliannos:2 ^kaksinkertai:0.6
        ^muistisair:0.6 ^dementi:0.6 ^muistisairau:0.6 ^kotiutett:0.7 ^yöllä:0.5 ^kotiin_^yö:0.8
        ^ei_^pysty_^kävel:1 ^ei_^pysty:0.3 ^sängyssä:0.5 ^vuotee:0.4 ^hälytysk:0.8
        turvaranne:0.8 turvapuhel:0.8 ^ei_^vastaa_^puhelim:0.8 ^ei_^käynyt:0.8
        ^ei_=ole_^käynyt:1 ^käymättä:1 ^kotihoito_=ei:0.6 ^huolissa:0.7 ^hätä:0.6
        ^vaarassa:2 ^vaara:0.7 ^hengen:0.6 ^katko:0.5 ^juonut:0.6 ^juo:0.3 ^päihty:0.6
        ^humala:0.6 ^psykoo:1.2 ^harhai:1 ^itkee:0.4 ^itki:0.4 ^pelkää:0.6 ^turvaton:1
        ^painehaav:1.2 ^haava:0.4 ^tulehtu:0.4 ^kuume:0.4 ^sepsi:1.5 ^nyt:0.2 ^tänään:0.3
        ^eilen:0.3 ^edelleen:0.2 ^vieläkään:0.3 ^heti:0.2 ^kiireesti:0.5 ^apua:0.3
        ^mitä_^tehdään:0.6 ^mitä_^teen:0.4 ^mitä_^pitäisi:0.4 ^kukaan_=ei_^käy:0.8
        ^onneks:-0.8 ^onneksi:-0.8 ^huomattiin:-0.4 ^ajoissa:-0.4 ^korjattiin:-0.5
        ^toipu:-0.5 ^parantu:-0.5 ^vahingoitta:-0.6 =ei_=mitään_^vahin:-0.8
        ^makasi_^lattia:1 ^tekemättä:0.6 ^käynti_^jää:0.8 =ei_^saa_^ruoka:2 ^laihtu:0.8
        ^auta_^syö:1 ^unoht_^antaa:1 ^unoht_^insuliin:1.5 ^veltto:1 ^ambulanss:0.8
        ^sängystä:0.6 ^kukaan_^huoma:0.8 ^laitoj:0.6 ^hoitamat:0.8 ^kukaan_^hoita:1 ^haise:0.4
        ^itse_^tappa:3 ^itseni_^tappa:3 ^tappami:1.5 ^dosett:0.8 ^tupla:1 ^väärin:0.5
        ^toisen_^potila:1.5 ^tokkur:1 ^tappaa:1.5
        ^kaikki_^pilleri:2 ^kaikki_^tabletit:2 ^kaikki_^lääkkeet_^kerralla:2 ^pillerit_^kerralla:2
        ^ei_^halua_^enää:1.2 ^ei_^jaksa_^elää:3 ^elämällä_=ei:1.5 ^kuolema:0.6 ^hengiltä:1.5
        ^lääkkeet_^lopp:1.2 ^lääkkeet_^lopussa:1.2 ^ilman_^lääk:1.5 ^ilman_^insuliin:2
        ^ilman_^resepti:0.6 ^toisen_^asukk:1.5 ^väärän_^asukk:1.5 ^väärän_^potila:1.5
        ^varast:1.2 ^rahoja_^otta:1.5 ^rahat_^vie:1.2 ^rahojaan:0.6 ^lompako:0.6
        ^lyödään:1.5 ^hakkaa:1.5 ^hakkas:1.5 ^läimäy:1.5 ^tukist:1.5 ^raapi:0.6
        ^koko_=yön:0.6 ^koko_^yön:0.6 ^yön_^yli:0.5 ^tuolissa:0.4 ^pakkase:0.6 ^kylmässä:0.6
        ^iho_^rikki:1 ^vuotaa:0.6 ^märkä_^vaippa:1 ^märässä:0.8 ^kastele:0.4
        ^verenpain:0.4 ^happisaturaat:1 ^hapett:0.6 ^sinerty:1.5 ^kalpea:0.6
        ^hengittää_=huonosti:1.5
        ^ei_^pääse_^ylös:1 ^ei_^pääse_^sängy:1 ^ei_^nouse:0.6 ^ei_=ole_^syönyt:1.2
        ^ei_=ole_^juonut:1.2 ^ei_^syö:0.8 ^ei_^juo:0.8 ^pelkää_^kotona:1.5 ^uhkaa:1.2
    """,
    "sv": """
        självmord:3 ^ta_^livet:3 ^vill_^dö:3 ^orkar_^inte_^leva:3 ^skada_^mig:2.5
        ^skada_^sig:2 ^döda:1.5 ^våld:2.5 ^slog:1.5 ^slagit:1.5 ^blåmärk:1.5 ^misshand:2.5
        övergrepp:2.5 ^hot:1 ^hotade:1.5 ^föll:1 ^ramla:1 ^ramlat:1 ^golvet:1.2 ^fel_^medicin:1.2
        ^fel_^dos:1.2 ^glömt_^medicin:1.5 ^ingen_^mat:1.5 ^utan_^mat:1.5 ^ensam:0.6
        ^lämna_^ensam:1.5 ^lämnad:0.8 ^försumm:1.5 ^vanvård:2 ^bröstsmärt:1.5 ^andnöd:1.5
        ^medvetslös:2 ^blöd:1.2 ^förvirr:0.8 ^kräk:0.8 ^insulin:1 ^fara:1 ^farlig:0.8
        ^rädd:0.5 ^oroli:0.6 ^nu:0.2 ^idag:0.3 ^igår:0.3 ^natten:0.4 ^lyckligtvis:-0.8
        ^återhämt:-0.5 ^tillfrisk:-0.5 ^oskadd:-0.6 ^ingen_^skada:-0.8
        ^inte_^fått_^medicin:2 ^inte_^kommit:0.8 ^låser:1.5 ^låst:1.2 ^blodförtunn:0.6
        ^vill_^inte_^leva:3 ^inte_^vill_^leva:3 ^inte_^leva_^längre:3 ^orkar_^inte_^mer:1.5
        ^ta_^mitt_^liv:3 ^alla_^tabletter:2 ^ätit_=inte:1.2 ^inte_^ätit:1.2 ^inte_^druckit:1.2
        ^utan_^medicin:1.5 ^utan_^insulin:2 ^medicinen_^slut:1.2 ^slå:1.2 ^slår:1.5 ^sparkar:1.5
        ^stjäl:1.2 ^pengar_^tar:1.2 ^hela_^natten:0.6 ^kallt:0.4 ^andas_=dåligt:1.5 ^feber:0.4
    """,
    "en": """
        suicid:3 kill_myself:3 want_to_die:3 end_my_life:3 self-harm:3 self_harm:3
        hurt_myself:2.5 harm_myself:2.5 =cutting:1.5 live_anymore:3 don't_want_to_live:3
        abuse:2.5 =hit:1.2 =hits:1.2 bruis:1.5 violen:2.5 assault:2.5 grabbed:1.2 rough:1
        threaten:1.5 harass:1.5 fell:1 fallen:1 on_the_floor:1.2 hit_her_head:1.2
        hit_his_head:1.2 confused:0.6 vomit:0.8 unconscious:2 bleeding:1.5 chest_pain:1.5
        can't_breathe:2 breath:0.8 wrong_medication:1.2 wrong_medicine:1.2 wrong_dose:1.2
        missed_dose:1.5 not_given:1 overdose:2 insulin:1 left_alone:1.5 alone_at_night:1.5
        no_food:1.5 without_food:1.5 hasn't_eaten:1.5 not_eaten:1.2 starv:1.5 neglect:1.5
        dementia:0.6 danger:1.5 unsafe:0.8 worried:0.6 scared:0.5 =now:0.2 today:0.3
        yesterday:0.3 luckily:-0.8 fortunately:-0.8
        recovered:-0.5 unharmed:-0.6 no_harm:-0.8 no_one_was_hurt:-0.8
        not_given_medication:2 not_been_given:1.5 sent_home:0.8 barely_walk:1 could_barely:0.6
        slap:2 punch:2 kicked:2 severe_reaction:1.2 reaction:0.5 ending_my_life:3
        all_the_pills:2 all_my_pills:2 no_reason_to_live:3 not_eaten:1.2 hasn't_drunk:1.2
        ran_out:0.8 without_medication:1.5 without_insulin:2 stealing:1.2 stole:1.2 beaten:2
        beats:1.5 hits_her:1.5 hits_him:1.5 all_night:0.6 cold:0.3 fever:0.4 can't_get_up:1
    """,
}

# Function words for language identification: frequent, short and distinctive.
FUNCTION_WORDS: dict[str, str] = {
    "fi": """
        ja on ei että oli se ne mutta kun jos niin tai myös vain vielä jo nyt minä mä mun
        en olen oon ole ollut kanssa koko aina taas tosi ihan hyvin kiitos joka mitä miksi
        eikä ettei jotta kuin sitten vaan siitä sen sitä hän hänen meidän meille mulle mua
        olisi olis ollu oo eli eri kaikki kukaan mitään joku jo vasta heti enää edes kyllä
        tämä tää tämän tähän nyt pitää pitäis saa sai sain tuli tulee voi voisi ovat olivat
        hyvä huono kiitti oli ollenkaan yhtään paljon liian vähän myös sekä jälkeen ennen
        äiti isä lääkäri hoitaja
    """,
    "sv": """
        och är att det en ett jag inte på för med som av till den har var men om kan vi hon
        han de mig min sin så också bara fick tack mycket inga ingen när hur vad efter från
        har hade blev blir väl nu här där redan aldrig alltid du ni dem vår våra mitt mina
        skulle kunde ska bra dålig jätte mamma pappa läkaren kom sig hos
    """,
    "en": """
        the and is was to of a i my for in it not but with on at that this there no we they
        nobody very have had be been were are an me our us you your so just from when what
        would could should did do does can't get got told about after before he she his her
        thank thanks good bad nurse doctor
    """,
}
