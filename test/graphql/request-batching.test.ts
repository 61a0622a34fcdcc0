/**
 * No N+1: the MongoDB commands one GraphQL request sends must not grow with how many items it
 * returns. Counted with the driver's command monitoring on the client the API server uses.
 */
import type { CommandStartedEvent } from 'mongodb';
import { ensureIndexes } from '../../src/store';
import { startTestApi, type TestApi } from '../helpers/api-test-server';
import { loadMeetingGraph } from '../helpers/meeting-graph.fixture';
import { useTestDatabase } from '../helpers/test-database';

const PEOPLE_WITH_EVERYTHING = /* GraphQL */ `
  query PeoplePage($first: Int!) {
    people(first: $first) {
      nodes {
        name
        offices {
          office {
            title
            jurisdiction
          }
          asOf {
            value
          }
          support {
            articleCount
            articles(first: 3) {
              nodes {
                source
              }
            }
          }
        }
        organizations {
          name
        }
        meetings(first: 10) {
          nodes {
            date {
              value
            }
            location
            articles {
              nodes {
                source
              }
            }
            participants {
              role
              participant {
                ... on Person {
                  name
                  offices {
                    office {
                      title
                    }
                  }
                }
                ... on Organization {
                  name
                }
              }
            }
          }
        }
        metWith(first: 10) {
          edges {
            sharedMeetingCount
            node {
              name
            }
          }
        }
        affiliations {
          organization {
            name
          }
        }
      }
    }
  }
`;

const MONITORING_COMMANDS = new Set(['hello', 'ismaster', 'isMaster', 'endSessions']);

describe('request batching', () => {
  let api: TestApi;
  const commands: string[] = [];
  const collections: string[] = [];

  // Declared before the database's hooks, so that the API stops before the database closes.
  afterAll(() => api.stop());
  const database = useTestDatabase({ monitorCommands: true });
  beforeAll(async () => {
    await ensureIndexes(database().db);
    await loadMeetingGraph(database().db, 60);
    database().client.on('commandStarted', (event: CommandStartedEvent) => {
      if (MONITORING_COMMANDS.has(event.commandName)) return;
      commands.push(event.commandName);
      collections.push(String(event.command[event.commandName]));
    });
    api = await startTestApi(database().db);
  });

  async function commandsFor(first: number): Promise<{ sent: string[]; people: any[] }> {
    commands.length = 0;
    collections.length = 0;
    const response = await api.post(PEOPLE_WITH_EVERYTHING, { first });
    expect(response.errors).toBeUndefined();
    return { sent: [...commands], people: response.data.people.nodes };
  }

  it('sends as many commands for 50 people with offices, meetings and participants as for 5', async () => {
    const five = await commandsFor(5);
    const fifty = await commandsFor(50);

    expect(five.people).toHaveLength(5);
    expect(fifty.people).toHaveLength(50);
    // The pages really fan out: every host has an office and two meetings with three participants.
    for (const person of fifty.people.filter((p: any) => p.offices.length > 0)) {
      expect(person.meetings.nodes.length).toBeGreaterThan(0);
      expect(person.meetings.nodes[0].participants).toHaveLength(3);
    }
    expect(fifty.people.filter((p: any) => p.offices.length > 0)).toHaveLength(50);
    expect(fifty.sent.length).toBe(five.sent.length);
    // Pages of every parent's list (meetings, met-with, a holding's articles) are one aggregate each.
    expect(five.sent.every((name) => name === 'find' || name === 'aggregate')).toBe(true);
  });

  it('reads a meeting’s participants only when `participant` is asked for, through a fragment too', async () => {
    const who =
      'fragment Who on MeetingParticipant { participant { ... on Person { name } ... on Organization { name } } }';
    const meetings = (participants: string) =>
      `{ meetings(first: 20) { nodes { participants { ${participants} } } } } ${participants.includes('...Who') ? who : ''}`;

    collections.length = 0;
    const rolesOnly = await api.post(meetings('role'));
    expect(rolesOnly.errors).toBeUndefined();
    expect(rolesOnly.data.meetings.nodes[0].participants[0]).toEqual({ role: expect.any(String) });
    expect(collections).not.toContain('people');

    collections.length = 0;
    const named = await api.post(meetings('role ...Who'));
    expect(named.errors).toBeUndefined();
    const names = named.data.meetings.nodes.flatMap((m: any) => m.participants.map((p: any) => p.participant?.name));
    expect(names.length).toBeGreaterThan(20);
    expect(names.every((name: unknown) => typeof name === 'string' && name.length > 0)).toBe(true);
    expect(collections.filter((name) => name === 'people')).toHaveLength(1);
  });
});
