//! Quotes over hand-built records: the people and organizations a real
//! record would hold are given, so the speaker rules are tested alone.

use super::*;
use crate::record::{Charge, OrgType, Organization, Person, Record, RecordId, Span};

/// Every occurrence of `name` in `text` as a mention (char offsets).
fn mentions(text: &str, forms: &[&str]) -> Vec<Span> {
    let mut out = Vec::new();
    for f in forms {
        for (b, _) in text.match_indices(f) {
            let start = text[..b].chars().count();
            out.push(Span {
                text: f.to_string(),
                start,
                end: start + f.chars().count(),
            });
        }
    }
    out.sort();
    out
}

fn person(text: &str, name: &str, role: Option<&str>, forms: &[&str]) -> Person {
    Person {
        name: name.into(),
        role: role.map(Into::into),
        official: role.is_some(),
        mentions: mentions(text, forms),
    }
}

fn org(text: &str, name: &str, forms: &[&str]) -> Organization {
    Organization {
        name: name.into(),
        kind: OrgType::Other,
        mentions: mentions(text, forms),
    }
}

fn run(text: &str, people: Vec<Person>, orgs: Vec<Organization>) -> Vec<(String, Option<String>)> {
    let doc = Document::new(text);
    let mut record = Record::new(RecordId::Text("t".into()));
    record.people = people;
    record.organizations = orgs;
    let ctx = Context {
        published: None,
        record: &record,
    };
    extract(&doc, &ctx)
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

fn who(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn verb_after_the_quote_names_the_speaker() {
    let t = "Titre\n\nLe site a fermé. « Les dirigeants ont été interpellés », a déclaré le ministre de l'Intérieur, Gérald Darmanin, sur X.";
    let p = person(
        t,
        "Gérald Darmanin",
        Some("ministre de l'Intérieur"),
        &["Gérald Darmanin"],
    );
    assert_eq!(
        run(t, vec![p], vec![]),
        [(
            "Les dirigeants ont été interpellés".into(),
            who("Gérald Darmanin")
        )]
    );
}

#[test]
fn inverted_pronoun_goes_to_the_nearest_fitting_person() {
    let t = "Titre\n\nMme Sophie Dupont est venue. M. Pierre Martin a parlé. « Nous ne renoncerons jamais », a-t-il affirmé. « Je reste ici », dit-elle.";
    let people = vec![
        person(t, "Sophie Dupont", None, &["Sophie Dupont"]),
        person(t, "Pierre Martin", None, &["Pierre Martin"]),
    ];
    assert_eq!(
        run(t, people, vec![]),
        [
            ("Nous ne renoncerons jamais".into(), who("Pierre Martin")),
            ("Je reste ici".into(), who("Sophie Dupont")),
        ]
    );
}

#[test]
fn selon_and_colon_before_the_quote() {
    let t = "Titre\n\nSelon la fédération des banques, Febelfin, « le montant est plutôt faible ». Pierre Moscovici a pour sa part ajouté : « C'est une France affaiblie ».";
    let people = vec![person(t, "Pierre Moscovici", None, &["Pierre Moscovici"])];
    let orgs = vec![org(t, "Febelfin", &["Febelfin"])];
    assert_eq!(
        run(t, people, orgs),
        [
            ("le montant est plutôt faible".into(), who("Febelfin")),
            ("C'est une France affaiblie".into(), who("Pierre Moscovici")),
        ]
    );
}

#[test]
fn role_nouns_and_dative_names() {
    let t = "Titre\n\nLe procureur Paul Durand suit le dossier. L'adolescente \"a été mise en examen du chef de vol\", a fait savoir à l'AFP le magistrat. \"Sans aucun antécédent judiciaire\", elle a été \"placée en détention provisoire par le juge\", a-t-il indiqué.";
    let people = vec![person(
        t,
        "Paul Durand",
        Some("procureur"),
        &["Paul Durand"],
    )];
    let orgs = vec![org(t, "AFP", &["AFP"])];
    let got = run(t, people, orgs);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|(_, s)| *s == who("Paul Durand")), "{got:?}");
}

#[test]
fn subject_before_a_speech_verb_not_a_name_after_a_preposition() {
    let t = "Titre\n\nArié Bensemhoun, président de la communauté, a déclaré à l'AFP que les juifs sont victimes d'une « forme d'acharnement qui devient insupportable ».\n\nGilles Simeoni a appris la nouvelle alors qu'il devait déjeuner avec Sollacaro. Il confie au Figaro que « nous aurions dû plaider cet après-midi ».";
    let people = vec![
        person(t, "Arié Bensemhoun", None, &["Arié Bensemhoun"]),
        person(t, "Gilles Simeoni", None, &["Gilles Simeoni"]),
        person(t, "Antoine Sollacaro", None, &["Sollacaro"]),
    ];
    let orgs = vec![org(t, "AFP", &["AFP"]), org(t, "Le Figaro", &["Figaro"])];
    let got = run(t, people, orgs);
    assert_eq!(got[0].1, who("Arié Bensemhoun"));
    assert_eq!(got[1].1, who("Gilles Simeoni"));
}

#[test]
fn quote_opening_a_sentence_belongs_to_the_previous_subject() {
    let t = "Titre\n\nLes députés ont réagi par Christian Jacob. Il a souhaité faire un rappel au règlement. « On ne peut pas accepter un tel mépris de notre règlement ».";
    let people = vec![person(t, "Christian Jacob", None, &["Christian Jacob"])];
    assert_eq!(run(t, people, vec![])[0].1, who("Christian Jacob"));
}

#[test]
fn charges_titles_and_labels_are_not_speech() {
    let t = "Titre\n\nUne information judiciaire a été ouverte des chefs de \"fraude dans un examen\", \"abus de confiance\" et \"recel\". Elle est mise en examen pour \"tentative d'assassinat\". Ils servaient de « mules ». L'enquête concerne notamment la « fourniture d'une plateforme en ligne pour permettre une transaction illicite en bande organisée », « l'intermédiation ou séquestre au moyen d'une plateforme en ligne ». Il a publié un livre intitulé « Les jours heureux de la République ».";
    assert_eq!(run(t, vec![], vec![]), []);
}

#[test]
fn charges_found_by_the_record_are_not_speech() {
    let t = "Titre\n\nIl est poursuivi pour « vol avec violence commis en réunion la nuit ».";
    let doc = Document::new(t);
    let mut record = Record::new(RecordId::Text("t".into()));
    record.charges = vec![Charge {
        label: "vol avec violence".into(),
        offence: "vol".into(),
        qualifiers: vec![],
        law: vec![],
        mentions: mentions(t, &["vol avec violence commis en réunion"]),
    }];
    let ctx = Context {
        published: None,
        record: &record,
    };
    assert!(extract(&doc, &ctx).is_empty());
}

#[test]
fn unnamed_speakers_stay_null_and_follow_ons_keep_the_speaker() {
    let t = "Titre\n\nElle a expliqué avoir \"une haine des mathématiques\".\n\nPhilippe Varin a précisé que « personne ne sera laissé au bord du chemin » en ajoutant : « nous sommes conscients de nos responsabilités ».";
    let people = vec![person(t, "Philippe Varin", None, &["Philippe Varin"])];
    let got = run(t, people, vec![]);
    assert_eq!(got[0].1, None);
    assert_eq!(got[1].1, who("Philippe Varin"));
    assert_eq!(got[2].1, who("Philippe Varin"));
}

#[test]
fn quotes_over_several_paragraphs_are_one_quote() {
    let t = "Titre\n\nLe ministre Jean Martin a déclaré : « Le premier point est clair.\n\n« Le second aussi. »\n\nFin.";
    let people = vec![person(t, "Jean Martin", Some("ministre"), &["Jean Martin"])];
    let got = run(t, people, vec![]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.ends_with("Le second aussi."), "{got:?}");
    assert_eq!(got[0].1, who("Jean Martin"));
}

#[test]
fn subject_of_a_bracketed_or_relative_clause() {
    let t = "Titre\n\nL'opposition a quitté la salle (Jean-François Copé déplora un discours manquant « de courage politique et de vision ») . Il avait eu un clash avec Bernard Bonnet, le successeur de Claude Erignac, qui lui avait rétorqué : « Je partirai quand vos amis cesseront le racket ». C'est Marie Durand, maire de la ville, qui a tranché : « Nous fermerons le site ».";
    let people = vec![
        person(t, "Jean-François Copé", None, &["Jean-François Copé"]),
        person(t, "Bernard Bonnet", None, &["Bernard Bonnet"]),
        person(t, "Claude Erignac", None, &["Claude Erignac"]),
        person(t, "Marie Durand", Some("maire"), &["Marie Durand"]),
    ];
    assert_eq!(
        run(t, people, vec![]),
        [
            (
                "de courage politique et de vision".into(),
                who("Jean-François Copé")
            ),
            (
                "Je partirai quand vos amis cesseront le racket".into(),
                who("Bernard Bonnet")
            ),
            ("Nous fermerons le site".into(), who("Marie Durand")),
        ]
    );
}

#[test]
fn a_bracket_that_names_no_one_gives_no_bracket_subject() {
    let t = "Titre\n\nPaul Martin a quitté la salle (vers midi) et a déclaré : « Je reviendrai demain matin ».";
    let people = vec![person(t, "Paul Martin", None, &["Paul Martin"])];
    assert_eq!(
        run(t, people, vec![]),
        [("Je reviendrai demain matin".into(), who("Paul Martin"))]
    );
}

#[test]
fn a_pronoun_after_que_gives_way_to_the_main_subject() {
    let t = "Titre\n\nJean-Marc Ayrault a parlé longtemps. Jean-François Copé a déploré un discours « sans aucun courage politique ». Mais le premier ministre avait affirmé qu'il ne baissera pas les bras : « non, nous ne renoncerons pas ! ».";
    let people = vec![
        person(
            t,
            "Jean-Marc Ayrault",
            Some("chef du gouvernement"),
            &["Jean-Marc Ayrault"],
        ),
        person(t, "Jean-François Copé", None, &["Jean-François Copé"]),
    ];
    assert_eq!(
        run(t, people, vec![]),
        [
            (
                "sans aucun courage politique".into(),
                who("Jean-François Copé")
            ),
            (
                "non, nous ne renoncerons pas !".into(),
                who("Jean-Marc Ayrault")
            ),
        ]
    );
}

#[test]
fn an_unnamed_member_of_a_body_speaks_for_it_in_the_next_sentence() {
    let t = "Titre\n\nLa Fédération belge du secteur financier a réagi. Pour terminer, la porte-parole de la fédération a nuancé les chiffres du parquet. « On a constaté 261 cas de fraude depuis le début de l'année ». Paul Martin a parlé ensuite. « Je ne suis pas inquiet pour les clients ».";
    let orgs = vec![org(
        t,
        "Fédération belge du secteur financier",
        &["Fédération belge du secteur financier"],
    )];
    let people = vec![person(t, "Paul Martin", None, &["Paul Martin"])];
    assert_eq!(
        run(t, people, orgs),
        [
            (
                "On a constaté 261 cas de fraude depuis le début de l'année".into(),
                who("Fédération belge du secteur financier")
            ),
            (
                "Je ne suis pas inquiet pour les clients".into(),
                who("Paul Martin")
            ),
        ]
    );
}
