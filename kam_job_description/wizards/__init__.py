from . import kam_job_description_reject
from . import kam_job_description_template_apply
from . import kam_job_description_compare
from . import kam_job_description_evidence_line
from . import kam_job_description_evidence
from . import kam_job_description_evidence_history
