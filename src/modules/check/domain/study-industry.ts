/** Industries the study (seed 004) reports separately. */
export const STUDY_INDUSTRIES = [
  'machinery', 'electronics', 'electricalEquipment', 'metal', 'chemicals',
  'rubberPlastics', 'woodPaper', 'vehicles', 'textiles', 'food',
] as const;
export type StudyIndustry = (typeof STUDY_INDUSTRIES)[number];

/** WZ 2008 divisions of each study industry. */
export const STUDY_INDUSTRY_DIVISIONS: Readonly<Record<StudyIndustry, readonly string[]>> = {
  food: ['10', '11', '12'],
  textiles: ['13', '14', '15'],
  woodPaper: ['16', '17', '18'],
  chemicals: ['20', '21'],
  rubberPlastics: ['22'],
  metal: ['24', '25'],
  electronics: ['26'],
  electricalEquipment: ['27'],
  machinery: ['28'],
  vehicles: ['29', '30'],
};

/** The study industry of a WZ 2008 division, or null when the study reports none for it. */
export function studyIndustryOf(division: string | undefined): StudyIndustry | null {
  if (division === undefined) return null;
  return STUDY_INDUSTRIES.find((i) => STUDY_INDUSTRY_DIVISIONS[i].includes(division)) ?? null;
}
