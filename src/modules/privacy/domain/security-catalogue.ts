/**
 * The IT-security self-check: 27 requirements in the six areas of DIN SPEC 27076 ("CyberRisikoCheck"),
 * written in our own words. Six are TOP requirements (see the README for how they were chosen and
 * weighted). A self-check, not a certification.
 */
export const SECURITY_AREAS = ['organisation', 'access', 'backup', 'patches', 'malware', 'network'] as const;
export type SecurityArea = (typeof SECURITY_AREAS)[number];

export type Effort = 'low' | 'medium' | 'high';
type Text = { de: string; en: string };

export interface SecurityRequirement {
  id: string;
  area: SecurityArea;
  /** A TOP requirement weighs three times as much, and its gap costs points (see security-score.ts). */
  top: boolean;
  /** When "does not apply" may be answered (e.g. no Wi-Fi); undefined: the requirement applies to every firm. */
  notApplicableWhen?: Text;
  question: Text;
  /** The measure that closes the gap, as the roadmap suggests it. */
  measure: { title: Text; description: Text; effort: Effort };
}

const r = (
  id: string, area: SecurityArea, top: boolean, question: Text, measure: SecurityRequirement['measure'], notApplicableWhen?: Text,
): SecurityRequirement => ({ id, area, top, question, measure, ...(notApplicableWhen ? { notApplicableWhen } : {}) });

export const SECURITY_REQUIREMENTS: readonly SecurityRequirement[] = [
  // organisation and awareness
  r('org.responsible', 'organisation', true,
    { de: 'Eine Person ist für die IT-Sicherheit zuständig und hat dafür Zeit und ein Budget.', en: 'One person is responsible for IT security and has time and a budget for it.' },
    { title: { de: 'Zuständigkeit für IT-Sicherheit festlegen', en: 'Name the person responsible for IT security' }, description: { de: 'Eine Person benennen, ihr Zeit und Budget geben und das im Sicherheitskonzept festhalten.', en: 'Name a person, give them time and a budget, and write it into the security concept.' }, effort: 'low' }),
  r('org.rules', 'organisation', false,
    { de: 'Es gibt schriftliche Regeln für den Umgang mit IT (Passwörter, E-Mail, Internet, private Nutzung), die alle kennen.', en: 'There are written rules for using IT (passwords, e-mail, internet, private use) that everyone knows.' },
    { title: { de: 'Regeln für den Umgang mit IT aufschreiben', en: 'Write down the rules for using IT' }, description: { de: 'Das Sicherheitskonzept verabschieden und von allen Beschäftigten bestätigen lassen.', en: 'Adopt the security concept and have every employee acknowledge it.' }, effort: 'low' }),
  r('org.training', 'organisation', false,
    { de: 'Alle Beschäftigten werden mindestens einmal im Jahr zu Phishing, Betrugsanrufen und sicherem Verhalten geschult.', en: 'All employees are trained at least once a year on phishing, fraud calls and safe behaviour.' },
    { title: { de: 'Jährliche Sicherheitsschulung einführen', en: 'Introduce a yearly security training' }, description: { de: 'Eine kurze Schulung für alle einplanen, zum Beispiel mit einem simulierten Phishing-Test.', en: 'Plan a short training for everyone, for example with a simulated phishing test.' }, effort: 'low' }),
  r('org.emergency', 'organisation', false,
    { de: 'Es ist aufgeschrieben, was nach einem Angriff oder Schadprogramm zu tun ist und wen man anruft.', en: 'It is written down what to do after an attack or malware, and whom to call.' },
    { title: { de: 'Notfallplan für IT-Angriffe aufstellen', en: 'Set up an emergency plan for IT attacks' }, description: { de: 'Erste Schritte, Ansprechpartner mit Telefonnummern und Meldewege aufschreiben und aushängen.', en: 'Write down the first steps, contacts with phone numbers and whom to report to, and post it.' }, effort: 'low' }),
  r('org.inventory', 'organisation', false,
    { de: 'Es gibt eine aktuelle Liste aller Geräte, Programme und Online-Dienste der Firma.', en: 'There is an up-to-date list of all the firm\'s devices, programs and online services.' },
    { title: { de: 'IT-Bestandsliste anlegen', en: 'Make an inventory of the IT' }, description: { de: 'Geräte, Programme und Online-Dienste mit Verantwortlichen auflisten und aktuell halten.', en: 'List devices, programs and online services with the person responsible, and keep it current.' }, effort: 'low' }),
  r('org.providers', 'organisation', false,
    { de: 'Mit IT-Dienstleistern und Cloud-Anbietern ist vertraglich geregelt, wie sie Daten schützen.', en: 'Contracts with IT service providers and cloud vendors say how they protect data.' },
    { title: { de: 'Verträge mit IT-Dienstleistern prüfen', en: 'Review the contracts with IT providers' }, description: { de: 'Auftragsverarbeitungsverträge und Sicherheitszusagen der Dienstleister einholen und ablegen.', en: 'Obtain and file the processing agreements and security commitments of the providers.' }, effort: 'low' },
    { de: 'Die Firma nutzt keine externen IT-Dienstleister oder Cloud-Dienste.', en: 'The firm uses no external IT providers or cloud services.' }),
  r('org.mobile', 'organisation', false,
    { de: 'Für das Arbeiten von zu Hause und unterwegs gibt es Regeln (Bildschirmsperre, keine fremden Netze ohne VPN).', en: 'There are rules for working from home and on the road (screen lock, no foreign networks without VPN).' },
    { title: { de: 'Regeln für mobiles Arbeiten festlegen', en: 'Set rules for mobile work' }, description: { de: 'Regeln für Homeoffice und Reisen ins Sicherheitskonzept aufnehmen.', en: 'Add rules for home office and travel to the security concept.' }, effort: 'low' },
    { de: 'Niemand arbeitet von zu Hause oder unterwegs mit Firmendaten.', en: 'Nobody works with company data from home or on the road.' }),
  // identity and access management
  r('access.personal', 'access', false,
    { de: 'Jede Person hat ein eigenes Benutzerkonto; Konten werden nicht geteilt.', en: 'Every person has their own user account; accounts are not shared.' },
    { title: { de: 'Persönliche Benutzerkonten einführen', en: 'Introduce personal user accounts' }, description: { de: 'Gemeinsame Konten durch persönliche ersetzen, damit nachvollziehbar ist, wer was getan hat.', en: 'Replace shared accounts with personal ones so it is clear who did what.' }, effort: 'low' }),
  r('access.passwords', 'access', false,
    { de: 'Passwörter sind lang und für jeden Dienst verschieden; voreingestellte Passwörter sind geändert.', en: 'Passwords are long and different for each service; default passwords have been changed.' },
    { title: { de: 'Passwortregeln und Passwortmanager einführen', en: 'Introduce password rules and a password manager' }, description: { de: 'Einen Passwortmanager bereitstellen, Standardpasswörter an Geräten und Maschinen ändern.', en: 'Provide a password manager; change default passwords on devices and machines.' }, effort: 'low' }),
  r('access.admin', 'access', true,
    { de: 'Im Alltag arbeitet niemand mit Administratorrechten; Admin-Konten dienen nur der Verwaltung.', en: 'Nobody works with administrator rights day to day; admin accounts are for administration only.' },
    { title: { de: 'Administratorrechte vom Alltag trennen', en: 'Separate administrator rights from daily work' }, description: { de: 'Getrennte Admin-Konten anlegen und die Alltagskonten auf normale Rechte setzen.', en: 'Create separate admin accounts and reduce everyday accounts to normal rights.' }, effort: 'medium' }),
  r('access.rights', 'access', false,
    { de: 'Jede Person hat nur die Rechte, die sie braucht; wer die Firma verlässt, verliert seinen Zugang am selben Tag.', en: 'Everyone has only the rights they need; whoever leaves loses their access the same day.' },
    { title: { de: 'Zugriffsrechte prüfen und Austrittsprozess festlegen', en: 'Review access rights and define the leaver process' }, description: { de: 'Rechte einmal im Jahr durchsehen; beim Austritt Zugänge sofort sperren.', en: 'Review the rights once a year; block access at once when someone leaves.' }, effort: 'low' }),
  r('access.mfa', 'access', false,
    { de: 'E-Mail, Cloud-Dienste und Fernzugänge sind mit einem zweiten Faktor geschützt.', en: 'E-mail, cloud services and remote access are protected with a second factor.' },
    { title: { de: 'Zwei-Faktor-Anmeldung einschalten', en: 'Switch on two-factor sign-in' }, description: { de: 'Für E-Mail, Cloud, Fernzugang und Werkverbund einen zweiten Faktor verlangen.', en: 'Require a second factor for e-mail, cloud, remote access and Werkverbund.' }, effort: 'low' }),
  // data backup
  r('backup.regular', 'backup', true,
    { de: 'Alle wichtigen Daten werden regelmäßig und automatisch gesichert.', en: 'All important data is backed up regularly and automatically.' },
    { title: { de: 'Regelmäßige Datensicherung einrichten', en: 'Set up regular backups' }, description: { de: 'Eine automatische tägliche Sicherung aller wichtigen Daten einrichten und überwachen.', en: 'Set up an automatic daily backup of all important data and monitor it.' }, effort: 'medium' }),
  r('backup.offline', 'backup', false,
    { de: 'Mindestens eine Sicherung liegt getrennt vom Netz (offline oder unveränderbar), so dass Erpressersoftware sie nicht erreicht.', en: 'At least one backup is kept apart from the network (offline or immutable) so ransomware cannot reach it.' },
    { title: { de: 'Getrennte Sicherungskopie anlegen', en: 'Keep a separated backup copy' }, description: { de: 'Eine Sicherung offline oder unveränderbar aufbewahren, möglichst an einem anderen Ort.', en: 'Keep one backup offline or immutable, ideally at another place.' }, effort: 'low' }),
  r('backup.restore', 'backup', false,
    { de: 'Das Wiederherstellen aus der Sicherung wird mindestens einmal im Jahr ausprobiert.', en: 'Restoring from the backup is tried at least once a year.' },
    { title: { de: 'Wiederherstellung testen', en: 'Test the restore' }, description: { de: 'Einmal im Jahr Daten aus der Sicherung zurückholen und das Ergebnis festhalten.', en: 'Once a year restore data from the backup and write down the result.' }, effort: 'low' }),
  r('backup.plan', 'backup', false,
    { de: 'Es ist festgelegt, was wie oft gesichert wird, wie lange Sicherungen aufbewahrt werden und wer sich kümmert.', en: 'It is decided what is backed up how often, how long backups are kept, and who looks after them.' },
    { title: { de: 'Sicherungsplan aufschreiben', en: 'Write down the backup plan' }, description: { de: 'Umfang, Häufigkeit, Aufbewahrung und Zuständigkeit der Sicherung festlegen.', en: 'Decide the scope, frequency, retention and responsibility of backups.' }, effort: 'low' }),
  // patch and change management
  r('patches.updates', 'patches', true,
    { de: 'Sicherheitsupdates werden auf allen Geräten zeitnah eingespielt, wo möglich automatisch.', en: 'Security updates are installed promptly on all devices, automatically where possible.' },
    { title: { de: 'Updates zeitnah einspielen', en: 'Install updates promptly' }, description: { de: 'Automatische Updates einschalten und einmal im Monat prüfen, ob alle Geräte aktuell sind.', en: 'Switch on automatic updates and check once a month that every device is current.' }, effort: 'low' }),
  r('patches.supported', 'patches', false,
    { de: 'Es laufen keine Programme oder Betriebssysteme mehr, für die es keine Sicherheitsupdates gibt – oder sie sind abgeschottet.', en: 'No programs or operating systems without security updates are in use — or they are isolated.' },
    { title: { de: 'Veraltete Systeme ersetzen oder abschotten', en: 'Replace or isolate outdated systems' }, description: { de: 'Systeme ohne Herstellerunterstützung ersetzen oder vom übrigen Netz trennen.', en: 'Replace systems without vendor support or separate them from the rest of the network.' }, effort: 'high' }),
  r('patches.software', 'patches', false,
    { de: 'Nur benötigte und freigegebene Programme sind installiert; Unnötiges wird entfernt.', en: 'Only needed and approved programs are installed; what is not needed is removed.' },
    { title: { de: 'Nicht benötigte Software entfernen', en: 'Remove software that is not needed' }, description: { de: 'Programme durchsehen, Unnötiges entfernen und Installationen nur durch Zuständige erlauben.', en: 'Review programs, remove what is not needed, and allow installations only by those responsible.' }, effort: 'low' }),
  // protection against malware
  r('malware.protection', 'malware', true,
    { de: 'Auf allen Rechnern und Servern läuft ein aktueller Schutz gegen Schadprogramme.', en: 'Up-to-date protection against malware runs on all computers and servers.' },
    { title: { de: 'Schutz gegen Schadprogramme einrichten', en: 'Set up protection against malware' }, description: { de: 'Auf allen Rechnern einen Virenschutz mit automatischen Aktualisierungen einrichten und Meldungen beachten.', en: 'Install malware protection with automatic updates on every computer and act on its alerts.' }, effort: 'low' }),
  r('malware.email', 'malware', false,
    { de: 'E-Mails werden auf Schadprogramme und Spam geprüft; verdächtige E-Mails werden gemeldet statt geöffnet.', en: 'E-mails are checked for malware and spam; suspicious e-mails are reported instead of opened.' },
    { title: { de: 'E-Mail-Filter und Meldeweg einrichten', en: 'Set up e-mail filtering and a reporting route' }, description: { de: 'Spam- und Virenfilter einschalten, Makros in Anhängen sperren, einen Meldeweg für verdächtige E-Mails festlegen.', en: 'Switch on spam and virus filters, block macros in attachments, define how to report suspicious e-mails.' }, effort: 'low' }),
  r('malware.media', 'malware', false,
    { de: 'Für USB-Sticks und andere Datenträger gibt es Regeln; fremde Datenträger werden nicht einfach angeschlossen.', en: 'There are rules for USB sticks and other media; unknown media are not simply plugged in.' },
    { title: { de: 'Regeln für Wechseldatenträger festlegen', en: 'Set rules for removable media' }, description: { de: 'Regeln für USB-Sticks aufschreiben und fremde Datenträger vor Gebrauch prüfen lassen.', en: 'Write down rules for USB sticks and have unknown media checked before use.' }, effort: 'low' }),
  // IT systems and networks
  r('network.firewall', 'network', true,
    { de: 'Der Internetanschluss ist durch eine Firewall geschützt; von außen ist nur erreichbar, was erreichbar sein muss.', en: 'The internet connection is protected by a firewall; from outside only what must be reachable is reachable.' },
    { title: { de: 'Firewall einrichten und Freigaben prüfen', en: 'Set up a firewall and review what is open' }, description: { de: 'Die Firewall am Internetanschluss einschalten und nicht benötigte Freigaben schließen.', en: 'Switch on the firewall at the internet connection and close openings that are not needed.' }, effort: 'medium' }),
  r('network.wifi', 'network', false,
    { de: 'Das WLAN ist verschlüsselt, das Passwort ist stark, und Gäste haben ein eigenes Netz.', en: 'The Wi-Fi is encrypted with a strong password, and guests have a network of their own.' },
    { title: { de: 'WLAN absichern und Gästenetz trennen', en: 'Secure the Wi-Fi and separate a guest network' }, description: { de: 'WPA2/WPA3 mit starkem Passwort nutzen und ein getrenntes Gästenetz einrichten.', en: 'Use WPA2/WPA3 with a strong password and set up a separate guest network.' }, effort: 'low' },
    { de: 'Die Firma hat kein WLAN.', en: 'The firm has no Wi-Fi.' }),
  r('network.remote', 'network', false,
    { de: 'Fernzugriff auf das Firmennetz geht nur über einen verschlüsselten Zugang (VPN) mit persönlicher Anmeldung.', en: 'Remote access to the company network only goes through an encrypted channel (VPN) with a personal sign-in.' },
    { title: { de: 'Fernzugang über VPN absichern', en: 'Secure remote access through a VPN' }, description: { de: 'Offene Fernwartungszugänge schließen und nur VPN mit persönlicher Anmeldung erlauben.', en: 'Close open remote-maintenance access and allow only a VPN with personal sign-in.' }, effort: 'medium' },
    { de: 'Es gibt keinen Fernzugriff auf das Firmennetz.', en: 'There is no remote access to the company network.' }),
  r('network.machines', 'network', false,
    { de: 'Maschinen und Steuerungen hängen in einem eigenen Netz, getrennt vom Büronetz.', en: 'Machines and controllers are in a network of their own, separate from the office network.' },
    { title: { de: 'Maschinennetz vom Büronetz trennen', en: 'Separate the machine network from the office network' }, description: { de: 'Maschinen und Steuerungen in ein eigenes Netzsegment legen und die Übergänge beschränken.', en: 'Put machines and controllers into a segment of their own and restrict the crossings.' }, effort: 'high' },
    { de: 'Die Firma hat keine vernetzten Maschinen oder Steuerungen.', en: 'The firm has no networked machines or controllers.' }),
  r('network.devices', 'network', false,
    { de: 'Laptops und Mobilgeräte sind verschlüsselt und mit einer Bildschirmsperre geschützt.', en: 'Laptops and mobile devices are encrypted and protected by a screen lock.' },
    { title: { de: 'Laptops und Mobilgeräte verschlüsseln', en: 'Encrypt laptops and mobile devices' }, description: { de: 'Die Festplattenverschlüsselung und eine automatische Bildschirmsperre einschalten.', en: 'Switch on disk encryption and an automatic screen lock.' }, effort: 'low' },
    { de: 'Die Firma hat keine Laptops oder Mobilgeräte.', en: 'The firm has no laptops or mobile devices.' }),
];

export const requirementsById: ReadonlyMap<string, SecurityRequirement> = new Map(SECURITY_REQUIREMENTS.map((q) => [q.id, q]));
