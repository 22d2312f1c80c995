import { BadRequestException } from '@nestjs/common';
import {
  DirectorySettingsInvalid,
  type DirectoryTargetPolicy,
  parseDirectorySettings,
  refusalMessage,
} from '@guichet/directory';
import type { DirectorySettingsRequest } from '@guichet/types';

export const RUN_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no run with this id.',
};
export const NOT_CONFIGURED = {
  error: 'directory_not_configured',
  message: 'This tenant has no directory configured: save its settings first.',
};

/** Admin input as the CLI validates it: the schema, the filters' syntax, the server's address. */
export async function validated(
  input: unknown,
  targets: DirectoryTargetPolicy,
): Promise<DirectorySettingsRequest> {
  let request: DirectorySettingsRequest;
  try {
    request = parseDirectorySettings(input);
  } catch (error) {
    if (error instanceof DirectorySettingsInvalid)
      throw new BadRequestException({
        error: 'invalid_directory_settings',
        message: error.message,
        fields: error.fields,
      });
    throw error;
  }
  const refused = await targets.refusal(request.url);
  if (refused) {
    const message = refusalMessage(refused);
    throw new BadRequestException({
      error: 'directory_target_refused',
      message,
      fields: { url: [message] },
    });
  }
  return request;
}
