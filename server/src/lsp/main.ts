// language server entry; built in the navigation issue
export {};
