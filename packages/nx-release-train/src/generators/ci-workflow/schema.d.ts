export interface CiWorkflowGeneratorSchema {
  cutDay?: number;
  releaseDay?: number;
  hour?: number;
  ciWorkflow?: string;
  nodeVersion?: string;
  tokenSecret?: string;
  releaseTokenSecret?: string;
  bindingsTokenSecret?: string;
  yankTokenSecret?: string;
  trustTokenSecret?: string;
}
