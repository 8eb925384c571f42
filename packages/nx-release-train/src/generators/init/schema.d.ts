export interface InitGeneratorSchema {
  preset?: 'wasmtime';
  skipFormat?: boolean;
  jsTooling?: boolean;
}
