import { Body, Controller, Get, HttpException, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JobDetails, JobFileKind, JobFileSummary, JobSummary, Page } from '@wiztc/contracts';
import { TenantScoped } from '../auth';
import { TenantsService } from '../tenants/tenants.service';
import { CreateAdhocJobDto } from './dto/create-adhoc-job.dto';
import { ListJobsQueryDto } from './dto/list-jobs.query.dto';
import { JobFilesService } from './job-files.service';
import { JobRequestError, JobsService } from './jobs.service';

const FILE_KINDS: readonly JobFileKind[] = ['metadata', 'download', 'batch', 'upload-results', 'cases'];

@ApiTags('jobs')
@TenantScoped()
@Controller('tenants/:tenantId/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly files: JobFilesService,
    private readonly tenants: TenantsService,
  ) {}

  @Get()
  list(@Param('tenantId') tenantId: string, @Query() query: ListJobsQueryDto): Promise<Page<JobSummary>> {
    return http(this.jobs.list(tenantId, query));
  }

  @Post()
  async create(@Param('tenantId') tenantId: string, @Body() body: CreateAdhocJobDto): Promise<JobSummary> {
    const settings = await this.tenants.getRuntimeSettings(tenantId);
    return http(this.jobs.createAdhoc(tenantId, body, settings.scheduleIntervalMinutes));
  }

  @Get(':jobId')
  details(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string): Promise<JobDetails> {
    return http(this.jobs.details(tenantId, jobId));
  }

  @Post(':jobId/retry')
  retry(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string): Promise<JobSummary> {
    return http(this.jobs.retry(tenantId, jobId));
  }

  @Get(':jobId/files')
  fileList(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string): Promise<JobFileSummary[]> {
    return http(this.jobs.files(tenantId, jobId));
  }

  /** One kind of file as one gzip download (NDJSON inside). */
  @Get(':jobId/files/:kind')
  async file(
    @Param('tenantId') tenantId: string,
    @Param('jobId') jobId: string,
    @Param('kind') kind: string,
  ): Promise<StreamableFile> {
    if (!(FILE_KINDS as readonly string[]).includes(kind)) {
      throw new HttpException(
        { message: `Unknown file kind '${kind}'; one of ${FILE_KINDS.join(', ')}` },
        400,
      );
    }
    const parts = await http(this.jobs.fileParts(tenantId, jobId, kind as JobFileKind));
    return new StreamableFile(this.files.stream(parts), {
      type: 'application/gzip',
      disposition: `attachment; filename="job-${jobId}-${kind}.ndjson.gz"`,
    });
  }
}

/** Maps the service's refusals to HTTP answers with their reason. */
export async function http<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof JobRequestError) throw new HttpException({ message: error.message }, error.status);
    throw error;
  }
}
