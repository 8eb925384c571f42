export interface CiWorkflowGeneratorSchema {
  name?: string;
  cutDay?: number;
  releaseDay?: number;
  hour?: number;
  ciWorkflow?: string;
  nodeVersion?: string;
  tokenSecret?: string;
  releaseTokenSecret?: string;
  bindingsTokenSecret?: string;
  yankTokenSecret?: string;
  publishEnvironment?: string;
}
