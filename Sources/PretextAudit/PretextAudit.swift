// The bias and content audit (issue 5): lexicons of identity, occupation, descriptor and
// offensive terms (plain files under `lexicons/`), a multi-pattern term matcher on word
// boundaries, and the statistics the audit reports. The stage lives in PretextStages.
